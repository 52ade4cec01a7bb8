package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An experiment served end to end on the embedded defaults (ADRs 0024, 0026): a champion-against-rules A/B test
 * is created and started over HTTP, recommendations for every user split between the variants by their shares,
 * the rules variant answers from the fallback, every answer names its experiment, variant and request id, and
 * impressions and clicks that quote the request ids show up as each variant's click-through rate in
 * {@code GET /v1/experiments/{name}}. A request id that is too long or malformed is refused naming it.
 */
class ExperimentServingHttpTest {

    private static final int SHOWN = 5;

    private static TandemHttp tandem;

    @BeforeAll
    static void startTrainAndExperiment() throws Exception {
        // Every request re-reads the running experiments: the test need not wait for a refresh.
        tandem = TandemHttp.start(Map.of("tandem.experiments.refresh-interval", "0s"));
        SyntheticLake.loadTrainAndServe(tandem, 7L);
        // The rules variant answers from the fallback's snapshot, rebuilt every 10 s: rebuilt now, as at its next tick,
        // so that a fast run does not meet the snapshot taken before the data arrived.
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
        TandemHttp.Response created = tandem.postJson("/v1/experiments", "{\"name\":\"served-1\",\"variants\":["
                + "{\"name\":\"model\",\"share\":0.5,\"model\":\"champion\"},"
                + "{\"name\":\"rules\",\"share\":0.5,\"model\":null}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(tandem.postJson("/v1/experiments/served-1/start", "").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        tandem.close();
    }

    @Test
    void usersSplitByShareTheRulesVariantIsTheFallbackAndClicksBecomeEachVariantsClickThroughRate() {
        Map<String, List<JsonNode>> byVariant = new HashMap<>();
        Set<String> requestIds = new HashSet<>();
        for (int u = 0; u < SyntheticLake.USERS; u++) {
            String user = String.format("u%05d", u);
            JsonNode body = tandem.get("/v1/users/" + user + "/recommendations?count=" + SHOWN).tree();

            assertThat(body.get("experiment").getStringValue()).isEqualTo("served-1");
            assertThat(body.get("userId").getStringValue()).isEqualTo(user);
            assertThat(requestIds.add(body.get("requestId").getStringValue())).as("request ids are unique").isTrue();
            byVariant.computeIfAbsent(body.get("variant").getStringValue(), v -> new ArrayList<>()).add(body);
        }

        assertThat(byVariant.keySet()).containsExactlyInAnyOrder("model", "rules");
        // 300 users at 50/50: a share outside 0.4-0.6 has a chance far below one in a thousand.
        assertThat(byVariant.get("model").size()).isBetween(120, 180);
        for (JsonNode answer : byVariant.get("model")) {
            assertThat(answer.get("fallback").get("used").getBooleanValue()).isFalse();
            assertThat(answer.get("model").get("name").getStringValue()).isEqualTo(SyntheticLake.MODEL);
        }
        for (JsonNode answer : byVariant.get("rules")) {
            assertThat(answer.get("fallback").get("used").getBooleanValue()).isTrue();
            assertThat(answer.get("fallback").get("reason").getStringValue()).contains("rule-based fallback");
            assertThat(answer.get("model").isNull()).isTrue();
        }

        // Every list is impressed; in "model" every list's first item is clicked, in "rules" every fourth list's.
        List<String> events = new ArrayList<>();
        int[] clicks = new int[2];
        for (String variant : List.of("model", "rules")) {
            List<JsonNode> answers = byVariant.get(variant);
            for (int a = 0; a < answers.size(); a++) {
                JsonNode answer = answers.get(a);
                String requestId = answer.get("requestId").getStringValue();
                String user = answer.get("userId").getStringValue();
                List<String> items = itemIds(answer);
                assertThat(items).as("%s: %s", variant, answer).hasSize(SHOWN);
                for (String item : items) {
                    events.add(event(requestId + "-i-" + item, "impression", user, item, requestId));
                }
                if (variant.equals("model") || a % 4 == 0) {
                    events.add(event(requestId + "-c", "click", user, items.get(0), requestId));
                    clicks[variant.equals("model") ? 0 : 1]++;
                }
            }
        }
        TandemHttp.Response accepted = tandem.postJson("/v1/events", "[" + String.join(",", events) + "]");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        // Delivered again, as a log may redeliver: nothing counts twice.
        tandem.postJson("/v1/events", "[" + String.join(",", events) + "]");

        JsonNode readout = tandem.get("/v1/experiments/served-1").tree().get("readout");
        Map<String, JsonNode> figures = new HashMap<>();
        for (JsonNode group : readout.get("variants").values()) {
            figures.put(group.get("variant").getStringValue(), group);
        }
        assertThat(figures.keySet()).containsExactlyInAnyOrder("model", "rules");
        JsonNode model = figures.get("model");
        JsonNode rules = figures.get("rules");
        assertThat(model.get("users").getLongValue()).isEqualTo(byVariant.get("model").size());
        assertThat(model.get("impressions").getLongValue()).isEqualTo((long) SHOWN * byVariant.get("model").size());
        assertThat(model.get("clicks").getLongValue()).isEqualTo(clicks[0]);
        assertThat(model.get("clickThroughRate").get("value").getDoubleValue()).isCloseTo(1.0 / SHOWN,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rules.get("impressions").getLongValue()).isEqualTo((long) SHOWN * byVariant.get("rules").size());
        assertThat(rules.get("clicks").getLongValue()).isEqualTo(clicks[1]);
        assertThat(rules.get("clickThroughRate").get("value").getDoubleValue())
                .isCloseTo((double) clicks[1] / (SHOWN * byVariant.get("rules").size()),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.get("fallbackShare").get("value").getDoubleValue()).isZero();
        assertThat(rules.get("fallbackShare").get("value").getDoubleValue()).isEqualTo(1.0);
        assertThat(model.get("mrr").getDoubleValue()).as("the first item was clicked").isEqualTo(1.0);
        assertThat(readout.get("days").size()).isEqualTo(2);
    }

    @Test
    void theCallersRequestIdIsEchoedOnEveryServingRoute() {
        JsonNode recommended = tandem.get("/v1/users/u00001/recommendations?count=3&requestId=page-1:slot-a").tree();
        JsonNode similar = tandem.get("/v1/items/" + itemIds(recommended).get(0)
                + "/similar?count=3&userId=u00001&requestId=page-1:slot-b").tree();
        JsonNode anonymous = tandem.get("/v1/items/" + itemIds(recommended).get(0) + "/similar?count=3").tree();
        JsonNode ranked = tandem.postJson("/v1/rankings", "{\"userId\":\"u00001\",\"itemIds\":"
                + "[\"" + String.join("\",\"", itemIds(recommended)) + "\"],\"requestId\":\"page-1:slot-c\"}").tree();

        assertThat(recommended.get("requestId").getStringValue()).isEqualTo("page-1:slot-a");
        assertThat(similar.get("requestId").getStringValue()).isEqualTo("page-1:slot-b");
        assertThat(ranked.get("requestId").getStringValue()).isEqualTo("page-1:slot-c");
        for (JsonNode answer : List.of(recommended, similar, ranked)) {
            assertThat(answer.get("experiment").getStringValue()).isEqualTo("served-1");
            assertThat(answer.get("variant").getStringValue()).isEqualTo(recommended.get("variant").getStringValue());
        }
        assertThat(anonymous.get("experiment").isNull()).as("nobody named: no experiment").isTrue();
        assertThat(anonymous.get("variant").isNull()).isTrue();
        assertThat(anonymous.get("requestId").getStringValue()).isNotBlank();
    }

    @Test
    void anOverLongOrMalformedRequestIdOrSurfaceIsRefusedNamingIt() {
        String tooLong = "r".repeat(129);
        assertProblem(tandem.get("/v1/users/u00001/recommendations?requestId=" + tooLong), 400, "requestId");
        assertProblem(tandem.get("/v1/users/u00001/recommendations?requestId=%20padded"), 400, "requestId");
        assertProblem(tandem.get("/v1/users/u00001/recommendations?requestId=a%01b"), 400, "requestId");
        assertProblem(tandem.get("/v1/items/i1/similar?requestId=" + tooLong), 400, "requestId");
        assertProblem(tandem.postJson("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\"],\"requestId\":\""
                + tooLong + "\"}"), 400, "requestId");
        assertProblem(tandem.postJson("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\"],\"requestId\":7}"),
                400, "requestId");
        assertProblem(tandem.get("/v1/users/u00001/recommendations?surface=Home"), 400, "surface");
        assertThat(tandem.get("/v1/users/u00001/recommendations?requestId=" + "r".repeat(128)).status())
                .isEqualTo(200);
    }

    private static List<String> itemIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : answer.get("items").values()) {
            ids.add(item.get("itemId").getStringValue());
        }
        return ids;
    }

    private static String event(String id, String type, String user, String item, String requestId) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\",\"context\":{\"requestId\":\"" + requestId + "\"}}";
    }
}
