package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/users/{id}/recommendations} on embedded defaults, before any model exists: the rule-based
 * fallback answers from its snapshot of the online store, and says so.
 */
class RecommendationsHttpTest {

    private static TandemHttp tandem;

    @BeforeAll
    static void startAndFeed() {
        tandem = TandemHttp.start(Map.of());
        // Only catalog items are served (ADR-0019).
        for (String item : List.of("p1", "p2", "p3")) {
            assertThat(tandem.putJson("/v1/items/" + item, "{}").status()).isEqualTo(200);
        }
        // Popularity: p1 bought by three users, p2 liked by two, p3 clicked by one; u1 already bought p1.
        TandemHttp.Response response = tandem.postJson("/v1/events", "["
                + event("a1", "purchase", "u1", "p1") + "," + event("a2", "purchase", "u2", "p1") + ","
                + event("a3", "purchase", "u3", "p1") + "," + event("a4", "like", "u2", "p2") + ","
                + event("a5", "like", "u3", "p2") + "," + event("a6", "click", "u3", "p3") + ","
                + event("a7", "impression", "u1", "p2") + "]");
        assertThat(response.status()).isEqualTo(202);
        // The fallback reads a snapshot, rebuilt on a schedule; rebuilt now so the test need not wait for it.
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
    }

    @AfterAll
    static void stop() {
        tandem.close();
    }

    @Test
    void answersPopularItemsTheUserHasNotInteractedWithInTheContractShape() {
        TandemHttp.Response response = tandem.get("/v1/users/u1/recommendations?count=10");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.tree();
        assertThat(body.get("requestId").getStringValue()).isNotBlank();
        assertThat(body.get("userId").getStringValue()).isEqualTo("u1");
        // p1 was bought by u1; an impression of p2 does not count as interacting with it.
        assertThat(itemIds(body)).containsExactly("p2", "p3");
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("rank").getIntValue()).isEqualTo(1);
        assertThat(first.get("score").getDoubleValue()).isPositive();
        assertThat(first.get("sources").get(0).getStringValue()).isEqualTo("trending");
        assertThat(body.get("model").isNull()).isTrue();
        assertThat(body.get("fallback").get("used").getBooleanValue()).isTrue();
        assertThat(body.get("fallback").get("reason").getStringValue()).isEqualTo("no model");
    }

    @Test
    void aNewUserGetsTheMostPopularItemsAndCountAndExcludeApply() {
        assertThat(itemIds(tandem.get("/v1/users/newcomer/recommendations?count=2").tree()))
                .containsExactly("p1", "p2");
        assertThat(itemIds(tandem.get("/v1/users/newcomer/recommendations?exclude=p1,p3").tree()))
                .containsExactly("p2");
    }

    @Test
    void anInteractionIsReflectedInTheNextAnswer() {
        tandem.postJson("/v1/events", event("b1", "click", "u4", "p1"));

        assertThat(itemIds(tandem.get("/v1/users/u4/recommendations").tree())).doesNotContain("p1");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem(tandem.get("/v1/users/u1/recommendations?count=abc"), 400, "count");
        assertProblem(tandem.get("/v1/users/u1/recommendations?count=0"), 400, "count");
        assertProblem(tandem.get("/v1/users/u1/recommendations?count=100000"), 400, "count");
    }

    @Test
    void healthProbesAnswer() {
        assertThat(tandem.get("/health/liveness").status()).isEqualTo(200);
        assertThat(tandem.get("/health/readiness").status()).isEqualTo(200);
    }

    private static List<String> itemIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : body.get("items").values()) {
            ids.add(item.get("itemId").getStringValue());
        }
        return ids;
    }

    private static String event(String id, String type, String user, String item) {
        String value = type.equals("purchase") ? ",\"value\":10" : "";
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\"" + value + "}";
    }
}
