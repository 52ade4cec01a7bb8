package io.tandem.application.service;

import io.tandem.application.port.in.RecommendItemsQuery;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadPopularItemsPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.ScoredItem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendItemsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UserId USER = new UserId("u1");

    /** Items i00..i49, each less popular than the previous. */
    private final List<ScoredItem> byPopularity = IntStream.range(0, 50)
            .mapToObj(i -> new ScoredItem(new ItemId(String.format("i%02d", i)), 100.0 - i))
            .toList();
    private final Map<ItemId, Item> catalog = new HashMap<>();
    private final LoadItemsPort loadItems = ids -> {
        Map<ItemId, Item> found = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(catalog.get(id)).ifPresent(item -> found.put(id, item)));
        return found;
    };
    private final LoadPopularItemsPort popular = (category, limit, at) -> byPopularity.stream()
            .filter(s -> category.isEmpty() || catalog.containsKey(s.item())
                    && catalog.get(s.item()).inCategory(category.get()))
            .limit(limit)
            .toList();

    @Test
    void recommendsThePopularItemsTheUserHasNotSeenInOrder() {
        RecommendItemsService service = service(List.of(id("i00"), id("i02")));

        Recommendation answer = service.recommend(query(3, Optional.empty(), Set.of(id("i03"))));

        assertThat(answer.items()).extracting(r -> r.item().value()).containsExactly("i01", "i04", "i05");
        assertThat(answer.items()).extracting(RankedItem::rank).containsExactly(1, 2, 3);
        assertThat(answer.items().get(0).sources()).containsExactly("popular");
        assertThat(answer.model()).isEmpty();
        assertThat(answer.fallback()).isEqualTo(FallbackStatus.usedBecause("no model"));
        assertThat(answer.requestId()).isEqualTo("req-1");
    }

    @Test
    void widensTheSearchWhenFiltersRemoveMostCandidates() {
        // The user has seen the 40 most popular items; the answer must still hold 5.
        List<ItemId> seen = byPopularity.subList(0, 40).stream().map(ScoredItem::item).toList();

        Recommendation answer = service(seen).recommend(query(5, Optional.empty(), Set.of()));

        assertThat(answer.items()).extracting(r -> r.item().value())
                .containsExactly("i40", "i41", "i42", "i43", "i44");
    }

    @Test
    void unavailableItemsAndOtherCategoriesAreNeverServed() {
        catalog.put(id("i00"), item("i00", "comedy", true));
        catalog.put(id("i01"), item("i01", "comedy", false));
        catalog.put(id("i02"), item("i02", "drama", true));
        catalog.put(id("i03"), item("i03", "comedy", true));

        Recommendation answer = service(List.of()).recommend(query(5, Optional.of("comedy"), Set.of()));

        assertThat(answer.items()).extracting(r -> r.item().value()).containsExactly("i00", "i03");
    }

    @Test
    void answersEmptyWhenNothingIsPopularYet() {
        RecommendItemsService service = new RecommendItemsService((user, limit) -> List.of(),
                (category, limit, at) -> List.of(), loadItems, 100, Clock.fixed(NOW, ZoneOffset.UTC), () -> "r");

        assertThat(service.recommend(query(10, Optional.empty(), Set.of())).items()).isEmpty();
    }

    private RecommendItemsService service(List<ItemId> seen) {
        return new RecommendItemsService((user, limit) -> seen, popular, loadItems, 500,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> "req-1");
    }

    private static RecommendItemsQuery query(int count, Optional<String> category, Set<ItemId> exclude) {
        return new RecommendItemsQuery(USER, count, category, exclude);
    }

    private static ItemId id(String value) {
        return new ItemId(value);
    }

    private static Item item(String id, String category, boolean available) {
        return new Item(id(id), Set.of(category), Set.of(), NOW, available, Map.of());
    }
}
