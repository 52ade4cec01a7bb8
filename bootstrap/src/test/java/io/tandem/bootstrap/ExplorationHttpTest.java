package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exploration turned on ({@code tandem.serving.fresh-slots}, off by default): the last place of an answer goes to
 * the newest catalog item the model has no interactions for, marked with the source {@code fresh}, as every answer
 * did before exploration became a setting.
 */
class ExplorationHttpTest {

    @Test
    void withFreshSlotsOnTheLastPlaceGoesToTheNewestItemTheModelDoesNotKnow() throws Exception {
        try (TandemHttp tandem = TandemHttp.start(Map.of("tandem.serving.fresh-slots", 1))) {
            SyntheticLake.loadTrainAndServe(tandem, 3L);
            assertThat(tandem.postJson("/v1/items:batch", "[{\"itemId\":\"unplayed\",\"categories\":[\"c0\"]}]")
                    .status()).isEqualTo(200);

            for (String user : List.of("u00001", "u00042", "u00299", "someone-new")) {
                JsonNode body = tandem.get("/v1/users/" + user + "/recommendations?count=10").tree();

                assertThat(body.get("fallback").get("used").getBooleanValue()).as(user).isFalse();
                List<String> ids = new ArrayList<>();
                for (JsonNode item : body.get("items").values()) {
                    ids.add(item.get("itemId").getStringValue());
                }
                assertThat(ids).as(user).hasSize(10).containsOnlyOnce("unplayed").endsWith("unplayed");
                JsonNode last = body.get("items").get(9);
                assertThat(last.get("sources").get(0).getStringValue()).isEqualTo("fresh");
                assertThat(last.get("rank").getIntValue()).isEqualTo(10);
            }
        }
    }
}
