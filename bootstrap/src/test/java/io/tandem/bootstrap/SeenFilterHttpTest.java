package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.serving.ServingModels;
import io.tandem.domain.catalog.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seen filter over HTTP, on embedded defaults: a user who rated 800 items (far past the 500 recent items the
 * store keeps for features) never gets one of them back, from the fallback before a model exists or from the
 * trained model after; and with exploration off (the default) no answer spends a place on a catalog item the model
 * has no interactions for.
 */
class SeenFilterHttpTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final int ITEMS = 1000;
    private static final int HEAVY_ITEMS = 800;
    private static final Set<String> HEAVY_RATED = new HashSet<>();

    private static TandemHttp tandem;
    /** The heavy user's answer before any model existed: the rule-based fallback's. */
    private static JsonNode beforeModel;

    @BeforeAll
    static void startAndFeed() throws Exception {
        tandem = TandemHttp.start(Map.of());
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(item(i))
                    .append("\",\"categories\":[\"c").append(i % 5).append("\"]}");
        }
        assertThat(tandem.postJson("/v1/items:batch", items.append("]").toString()).status()).isEqualTo(200);

        List<String> events = new ArrayList<>();
        // The heavy user rated items 0..799 in that order over 30 days: the oldest, which a 500-item memory
        // forgets, are also the most popular with everyone else, so a forgetting filter would serve them.
        for (int i = 0; i < HEAVY_ITEMS; i++) {
            HEAVY_RATED.add(item(i));
            events.add(rating("heavy-" + i, "heavy", item(i), 5, T0.plus(Duration.ofMinutes(54L * i))));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int u = 0; u < 300; u++) {
            Set<Integer> rated = new HashSet<>();
            while (rated.size() < 30) {
                // Popularity falls with the item index (roughly Zipf).
                rated.add((int) Math.min(ITEMS - 1, Math.floor(Math.pow(ITEMS, random.nextDouble()) - 1)));
            }
            int e = 0;
            for (int i : rated) {
                events.add(rating("u" + u + "-" + e, "u" + u, item(i), 3 + random.nextInt(3),
                        T0.plus(Duration.ofMinutes(random.nextLong(30L * 24 * 60)))));
                e++;
            }
        }
        for (int from = 0; from < events.size(); from += 5000) {
            String batch = "[" + String.join(",", events.subList(from, Math.min(events.size(), from + 5000))) + "]";
            TandemHttp.Response response = tandem.postJson("/v1/events", batch);
            assertThat(response.status()).as(response.body()).isEqualTo(202);
        }
        assertThat(tandem.context().getBean(LoadUserStatePort.class).userState(UserId.of("heavy"), 500).seen())
                .hasSize(HEAVY_ITEMS);
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
        beforeModel = tandem.get("/v1/users/heavy/recommendations?count=150").tree();

        tandem.context().getBean(LocalLogArchiver.class).drain();
        SyntheticLake.train(tandem, 42L);
        assertThat(tandem.context().getBean(ServingModels.class).refresh().serving()).isPresent();
    }

    @AfterAll
    static void stop() {
        tandem.close();
    }

    @Test
    void aUserWith800RatedItemsNeverGetsOneBackFromTheFallbackNorFromTheModel() {
        // The rules' lists (popular, trending, newest, 200 deep each) hold mostly items the heavy user rated; a
        // filter that forgot the oldest 300 would serve the most popular of them here.
        assertThat(beforeModel.get("fallback").get("reason").getStringValue()).startsWith("no model");
        assertThat(itemIds(beforeModel)).doesNotContainAnyElementsOf(HEAVY_RATED);

        JsonNode byModel = tandem.get("/v1/users/heavy/recommendations?count=100").tree();
        assertThat(byModel.get("model").isNull()).isFalse();
        assertThat(byModel.get("fallback").get("used").getBooleanValue()).as(byModel.toString()).isFalse();
        assertThat(itemIds(byModel)).hasSize(100).doesNotContainAnyElementsOf(HEAVY_RATED);
        for (int count : new int[] {1, 10, 50, 150}) {
            assertThat(itemIds(tandem.get("/v1/users/heavy/recommendations?count=" + count).tree()))
                    .as("count %d", count).isNotEmpty().doesNotContainAnyElementsOf(HEAVY_RATED);
        }
    }

    @Test
    void withExplorationOffByDefaultNoPlaceGoesToAnItemTheModelHasNoInteractionsFor() {
        // Newer than everything: under the old default one place of every answer went to the newest of them.
        assertThat(tandem.postJson("/v1/items:batch", "[{\"itemId\":\"unplayed-1\",\"categories\":[\"c0\"]},"
                + "{\"itemId\":\"unplayed-2\",\"categories\":[\"c1\"]}]").status()).isEqualTo(200);

        for (String user : List.of("heavy", "u0", "u1", "u17", "u123", "u299")) {
            JsonNode body = tandem.get("/v1/users/" + user + "/recommendations?count=10").tree();
            assertThat(body.get("fallback").get("used").getBooleanValue()).isFalse();
            assertThat(itemIds(body)).as(user).hasSize(10).doesNotContain("unplayed-1", "unplayed-2");
            for (JsonNode item : body.get("items").values()) {
                assertThat(item.get("sources").toString()).doesNotContain("fresh");
            }
        }
    }

    private static String item(int i) {
        return String.format("i%04d", i);
    }

    private static String rating(String id, String user, String item, int value, Instant time) {
        return "{\"id\":\"" + id + "\",\"type\":\"rating\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\",\"value\":" + value + ",\"time\":\"" + time + "\"}";
    }

    private static List<String> itemIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : body.get("items").values()) {
            ids.add(item.get("itemId").getStringValue());
        }
        return ids;
    }
}
