package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.UserId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interleaving experiment end to end on the embedded adapters (ADR-0024, "Interleaving"): created over HTTP with
 * good and bad bodies, started, and served to every user as one list drafted from the rule-based fallback (a
 * deliberately weak ranking: popular items, blind to the user) and the trained champion. Simulated users click what
 * their known tastes favour, with position bias, quoting each answer's request id; attribution credits each click to
 * the team that drafted the item, and {@code GET /v1/experiments/{name}} (and the console's page) shows the champion
 * winning more requests and the always-valid test shipping it.
 */
class InterleavingHttpTest {

    private static final int SHOWN = 6;
    private static final int REQUESTS_PER_USER = 2;
    private static final Duration ATTRIBUTED_WITHIN = Duration.ofSeconds(20);

    @AutoClose
    private static final TandemHttp tandem = TandemHttp.start(Map.of("tandem.experiments.refresh-interval", "0s"));
    private static SyntheticDataset dataset;

    @BeforeAll
    static void trainAndServe() throws Exception {
        dataset = SyntheticLake.loadTrainAndServe(tandem, 7L);
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
    }

    @Test
    void anInterleavingBodyIsCheckedNamingTheFieldAndSharesMayBeLeftOut() {
        String pair = "{\"name\":\"a\",\"model\":null},{\"name\":\"b\",\"model\":\"champion\"}";
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"design\":\"interleaving\","
                + "\"variants\":[" + pair + ",{\"name\":\"c\",\"model\":null}]}"), 400, "variants");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-2\",\"design\":\"interleaving\","
                + "\"variants\":[{\"name\":\"a\",\"share\":0.7,\"model\":null},"
                + "{\"name\":\"b\",\"share\":0.3,\"model\":\"champion\"}]}"), 400, "variants[0].share");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-3\",\"design\":\"interleaving\","
                + "\"holdout\":0.1,\"variants\":[" + pair + "]}"), 400, "holdout");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-4\",\"design\":\"Interleaving\","
                + "\"variants\":[" + pair + "]}"), 400, "design");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-5\",\"variants\":[" + pair + "]}"), 400,
                "variants[0].share");
        assertThat(tandem.get("/v1/experiments/bad-1").status()).isEqualTo(404);

        TandemHttp.Response created = tandem.postJson("/v1/experiments", "{\"name\":\"il-draft\",\"surface\":"
                + "\"elsewhere\",\"design\":\"interleaving\",\"variants\":[" + pair + "]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode shown = tandem.get("/v1/experiments/il-draft").tree();
        assertThat(shown.get("design").getStringValue()).isEqualTo("interleaving");
        assertThat(shown.get("variants").get(0).get("share").getDoubleValue()).isEqualTo(0.5);
        assertThat(shown.get("readout").get("interleaving").isNull()).as("a draft has no read-out yet").isTrue();
        JsonNode listed = tandem.get("/v1/experiments").tree().get("experiments");
        assertThat(listed.values()).anyMatch(e -> e.get("name").getStringValue().equals("il-draft")
                && e.get("design").getStringValue().equals("interleaving"));
    }

    @Test
    void usersPreferTheChampionsItemsOverTheRulesAndTheReadOutShipsIt() throws Exception {
        TandemHttp.Response created = tandem.postJson("/v1/experiments", "{\"name\":\"il-1\",\"design\":"
                + "\"interleaving\",\"variants\":[{\"name\":\"rules\",\"model\":null},"
                + "{\"name\":\"model\",\"model\":\"champion\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(tandem.postJson("/v1/experiments/il-1/start", "").status()).isEqualTo(200);
        Map<String, Item> items = new HashMap<>();
        dataset.items().forEach(item -> items.put(item.id().value(), item));

        SplittableRandom random = new SplittableRandom(2026);
        List<String> events = new ArrayList<>();
        long impressions = 0;
        for (int u = 0; u < SyntheticLake.USERS; u++) {
            String user = String.format("u%05d", u);
            Map<String, Double> taste = dataset.tastes().get(UserId.of(user));
            for (int r = 0; r < REQUESTS_PER_USER; r++) {
                String requestId = "il-" + user + "-" + r;
                JsonNode answer = tandem.get("/v1/users/" + user + "/recommendations?count=" + SHOWN + "&requestId="
                        + requestId).tree();
                assertThat(answer.get("experiment").getStringValue()).isEqualTo("il-1");
                assertThat(answer.get("variant").getStringValue()).isEqualTo("interleaved");
                assertThat(answer.get("fallback").get("used").getBooleanValue()).as(answer.toString()).isFalse();
                List<String> shown = new ArrayList<>();
                answer.get("items").values().forEach(item -> shown.add(item.get("itemId").getStringValue()));
                assertThat(shown).as(answer.toString()).hasSize(SHOWN);
                for (int p = 0; p < shown.size(); p++) {
                    String item = shown.get(p);
                    events.add(event(requestId + "-i" + p, "impression", user, item, requestId));
                    impressions++;
                    double liking = items.get(item).categories().stream()
                            .mapToDouble(category -> taste.getOrDefault(category, 0.0)).max().orElse(0);
                    if (random.nextDouble() < Math.min(1, 2 * liking) / Math.sqrt(p + 1)) {
                        events.add(event(requestId + "-c" + p, "click", user, item, requestId));
                    }
                }
            }
        }
        for (int from = 0; from < events.size(); from += 5_000) {
            TandemHttp.Response accepted = tandem.postJson("/v1/events",
                    "[" + String.join(",", events.subList(from, Math.min(events.size(), from + 5_000))) + "]");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        }

        JsonNode readout = awaitImpressions("il-1", impressions);

        JsonNode interleaving = readout.get("interleaving");
        assertThat(interleaving.get("control").getStringValue()).isEqualTo("rules");
        assertThat(interleaving.get("challenger").getStringValue()).isEqualTo("model");
        assertThat(interleaving.get("users").getLongValue()).isEqualTo(SyntheticLake.USERS);
        assertThat(interleaving.get("requests").getLongValue()).isEqualTo(SyntheticLake.USERS * REQUESTS_PER_USER);
        long modelWins = interleaving.get("challengerWins").getLongValue();
        long rulesWins = interleaving.get("controlWins").getLongValue();
        assertThat(modelWins + rulesWins + interleaving.get("ties").getLongValue())
                .isEqualTo(SyntheticLake.USERS * REQUESTS_PER_USER);
        assertThat(modelWins).as(interleaving.toString()).isGreaterThan(rulesWins + rulesWins / 2);
        assertThat(interleaving.get("preference").getDoubleValue()).isPositive();
        assertThat(interleaving.get("preferenceLow").getDoubleValue()).as("always-valid lower end").isPositive();
        assertThat(interleaving.get("challengerShareLow").getDoubleValue()).isGreaterThan(0.5);
        assertThat(interleaving.get("signTestPValue").getDoubleValue()).isLessThan(0.001);
        assertThat(interleaving.get("verdict").getStringValue()).isEqualTo("ship");
        JsonNode comparison = readout.get("comparisons").get(0);
        assertThat(comparison.get("verdict").getStringValue()).isEqualTo("ship");
        assertThat(comparison.get("reasons").get(0).getStringValue()).startsWith("'model' is preferred");
        assertThat(readout.get("sampleRatio").get("mismatch").getBooleanValue()).isFalse();

        TandemHttp.Response page = tandem.get("/console/experiments/il-1");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"interleaving\"",
                "wins-challenger\">" + String.format(java.util.Locale.ROOT, "%,d", modelWins),
                "wins-control\">" + String.format(java.util.Locale.ROOT, "%,d", rulesWins));
    }

    /** The read-out once the interleaved group counts {@code expected} impressions: attribution follows the log. */
    private static JsonNode awaitImpressions(String experiment, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + ATTRIBUTED_WITHIN.toNanos();
        JsonNode readout;
        long counted;
        do {
            readout = tandem.get("/v1/experiments/" + experiment).tree().get("readout");
            counted = 0;
            for (JsonNode group : readout.get("variants").values()) {
                assertThat(group.get("variant").getStringValue()).isEqualTo("interleaved");
                counted += group.get("impressions").getLongValue();
            }
            if (counted != expected) {
                Thread.sleep(50);
            }
        } while (counted != expected && System.nanoTime() < deadline);
        assertThat(counted).as("impressions attributed within " + ATTRIBUTED_WITHIN).isEqualTo(expected);
        return readout;
    }

    private static String event(String id, String type, String user, String item, String requestId) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\",\"context\":{\"requestId\":\"" + requestId + "\"}}";
    }
}
