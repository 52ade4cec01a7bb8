package io.tandem.domain.catalog;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void categoriesAndTagsAreAtMostOneHundredCanonicalLabels() {
        Set<String> hundred = IntStream.range(0, 100).mapToObj(i -> "c" + i).collect(Collectors.toSet());
        Set<String> more = IntStream.range(0, 101).mapToObj(i -> "c" + i).collect(Collectors.toSet());

        assertThat(new Item(ItemId.of("a"), hundred, hundred, CREATED, true, Map.of()).categories()).hasSize(100);
        assertField(() -> Item.of(ItemId.of("a"), more, CREATED), "categories");
        assertField(() -> new Item(ItemId.of("a"), Set.of(), more, CREATED, true, Map.of()), "tags");
        assertField(() -> Item.of(ItemId.of("a"), Set.of("c".repeat(257)), CREATED), "categories");
        assertField(() -> Item.of(ItemId.of("a"), Set.of(" drama"), CREATED), "categories");
    }

    @Test
    void attributesAreBoundedAndNeverNull() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);
        Map<String, String> many = IntStream.range(0, 101).boxed()
                .collect(Collectors.toMap(i -> "k" + i, i -> "v"));

        assertField(() -> new User(UserId.of("u"), withNull), "attributes.k");
        assertField(() -> new Item(ItemId.of("a"), Set.of(), Set.of(), CREATED, true, withNull), "attributes.k");
        assertField(() -> new User(UserId.of("u"), many), "attributes");
        assertField(() -> new User(UserId.of("u"), Map.of("k", "v".repeat(1025))), "attributes.k");
        assertField(() -> new User(UserId.of("u"), Map.of(" k", "v")), "attributes");
        assertThat(new User(UserId.of("u"), Map.of("k", "")).attributes()).containsEntry("k", "");
    }

    @Test
    void theCreationTimeLiesInYearsOneToNineThousandNineHundredNinetyNine() {
        assertField(() -> Item.of(ItemId.of("a"), Set.of(), Instant.parse("+999999999-01-01T00:00:00Z")), "createdAt");
        assertThat(Item.of(ItemId.of("a"), Set.of(), Instant.parse("1895-12-28T00:00:00Z")).createdAt()).isNotNull();
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
