package io.tandem.adapters.shared.json;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonMembersTest {

    private static final List<String> ITEM = List.of("itemId", "categories", "tags", "createdAt", "available",
            "attributes");

    @ParameterizedTest
    @CsvSource({"category,categories", "itemid,itemId", "tag,tags", "avialable,available", "created,createdAt"})
    void anUnknownMemberIsRefusedWithTheFieldItWasProbablyMeantToBe(String unknown, String meant) {
        assertThatThrownBy(() -> members("{\"" + unknown + "\":1}"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(unknown);
                    assertThat(e.reason()).startsWith("unknown field '" + unknown + "'; did you mean '" + meant + "'?");
                });
    }

    @Test
    void aMemberFarFromEveryKnownOneGetsTheListInstead() {
        assertThatThrownBy(() -> members("{\"colour\":1}"))
                .hasMessageNotContaining("did you mean").hasMessageContaining("Known fields: itemId, categories");
    }

    @Test
    void aMemberWithoutANameIsNamedVisibly() {
        assertThatThrownBy(() -> members("{\"\":1}"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("\"\""));
    }

    @Test
    void aRepeatedMemberIsRefusedNamingIt() {
        assertThatThrownBy(() -> members("{\"available\":true,\"available\":false}"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("available"));
    }

    @Test
    void typedReadsNameTheFieldAndWhatWasExpected() {
        JsonMembers members = members("{\"categories\":[\"a\",1],\"tags\":[\"x\",\"x\"],\"attributes\":{\"k\":null},"
                + "\"available\":\"yes\",\"itemId\":1.5}");

        assertField(() -> members.texts("categories", 100), "categories[1]", "must be a string, not a number");
        assertField(() -> members.texts("tags", 100), "tags", "twice");
        assertField(() -> members.textMap("attributes", 100), "attributes.k", "leave the member out");
        assertField(() -> members.bool("available"), "available", "true or false");
        assertField(() -> members.id("itemId"), "itemId", "a string (or a whole number)");
    }

    @Test
    void sizeLimitsAreCheckedBeforeTheElementsAreRead() {
        StringBuilder many = new StringBuilder("{\"categories\":[");
        for (int i = 0; i < 70_000; i++) {
            many.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        JsonMembers members = members(many.append("]}").toString());

        assertField(() -> members.texts("categories", 100), "categories", "holds 70000 values; at most 100");
    }

    @Test
    void nullMembersAreAbsentAndNestedObjectsNameTheirPath() {
        JsonMembers members = members("{\"itemId\":null}");
        assertThat(members.id("itemId")).isNull();

        assertThatThrownBy(() -> JsonMembers.of("context", StrictJson.parse("x", "{\"rank\":1}".getBytes(
                StandardCharsets.UTF_8)), List.of("position"), Map.of("rank", "position")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("context.rank");
                    assertThat(e.reason()).contains("did you mean 'position'?");
                });
    }

    private static JsonMembers members(String json) {
        return JsonMembers.of("", StrictJson.parse("body", json.getBytes(StandardCharsets.UTF_8)), ITEM, Map.of());
    }

    private static void assertField(Runnable read, String field, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(message);
        });
    }
}
