package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer without items says why in {@code fallback.reason}, whether the fallback answered (no model) or the model
 * did: nothing in the catalog, or nothing left after the filters. Never a silent {@code "items": []}.
 */
class EmptyAnswersHttpTest {

    @Test
    void withoutAModelTheReasonSaysTheCatalogIsEmptyOrEverythingWasFilteredOut() {
        try (TandemHttp tandem = TandemHttp.start(Map.of())) {
            assertEmptyBecause(tandem.get("/v1/users/anyone/recommendations").tree(), "no model; catalog empty");

            assertThat(tandem.postJson("/v1/items:batch", "[{\"itemId\":\"only\",\"categories\":[\"rare\"]}]")
                    .status()).isEqualTo(200);
            tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh();
            assertThat(tandem.get("/v1/users/anyone/recommendations").tree().get("items").size()).isOne();

            assertEmptyBecause(tandem.get("/v1/users/anyone/recommendations?exclude=only").tree(),
                    "no model; no candidates");
        }
    }

    @Test
    void whenTheModelsCandidatesAreAllFilteredOutTheAnswerSaysSo() throws Exception {
        try (TandemHttp tandem = TandemHttp.start(Map.of())) {
            SyntheticLake.loadTrainAndServe(tandem, 5L);
            // A category of one item, which the user then excludes: no candidate, fresh item or rule is left.
            tandem.postJson("/v1/items:batch", "[{\"itemId\":\"lonely\",\"categories\":[\"lonely-category\"]}]");
            tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh();

            JsonNode body = tandem.get("/v1/users/u00001/recommendations?category=lonely-category&exclude=lonely")
                    .tree();

            assertEmptyBecause(body, "no candidates");
            assertThat(body.get("model").get("name").getStringValue()).isEqualTo(SyntheticLake.MODEL);
        }
    }

    private static void assertEmptyBecause(JsonNode body, String reason) {
        assertThat(body.get("items").size()).isZero();
        assertThat(body.get("fallback").get("used").getBooleanValue()).isTrue();
        assertThat(body.get("fallback").get("reason").getStringValue()).isEqualTo(reason);
    }
}
