package io.tandem.adapters.in.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tandem.application.serving.port.in.FindSimilarItemsUseCase;
import io.tandem.application.serving.port.in.RankItemsQuery;
import io.tandem.application.serving.port.in.RankItemsUseCase;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations, similar items and rankings over real HTTP, on fake use cases, with the application's
 * {@code inclusion: always} serialization: the answer shape, the explanation only on request, every refused
 * input as a problem naming its field, and the serving and fallback counters.
 */
class ServingHttpTest {

    private static final ModelRef CHAMPION = new ModelRef("two-stage", "v3");
    /** Deliberately not alphabetical, so a test can see the schema order survive serialization. */
    private static final Map<String, Double> EXPLANATION = explanation();

    private static final AtomicReference<RecommendItemsQuery> LAST_RECOMMEND = new AtomicReference<>();
    private static final AtomicReference<RankItemsQuery> LAST_RANK = new AtomicReference<>();
    private static final AtomicReference<String> RECOMMENDED_ON = new AtomicReference<>();
    private static final CountDownLatch BUSY_STARTED = new CountDownLatch(1);
    private static final CountDownLatch BUSY_RELEASED = new CountDownLatch(1);

    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static JsonMapper json;
    private static MeterRegistry meters;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().properties(Map.of(
                "micronaut.server.port", -1,
                "micronaut.executors.serving.type", "fixed",
                // One worker: a test can keep it busy and see the next request wait behind it.
                "micronaut.executors.serving.n-threads", 1,
                "micronaut.serde.serialization.inclusion", "always")).build();
        context.registerSingleton(RecommendItemsUseCase.class, query -> {
            LAST_RECOMMEND.set(query);
            RECOMMENDED_ON.set(Thread.currentThread().getName());
            if (query.user().value().equals("busy")) {
                BUSY_STARTED.countDown();
                try {
                    BUSY_RELEASED.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return switch (query.user().value()) {
                case "boom" -> throw new IllegalStateException("connection refused at 10.0.0.7:6379");
                case "cold" -> answer(query.user(), Optional.empty(),
                        FallbackStatus.unavailable(FallbackStatus.ONLINE_STORE, "timed out after 200 ms"), "p1", "p2");
                default -> answer(query.user(), Optional.of(CHAMPION), FallbackStatus.notUsed(), "a", "b");
            };
        });
        context.registerSingleton(FindSimilarItemsUseCase.class, query -> switch (query.item().value()) {
            case "unknown" -> Optional.empty();
            case "new" -> Optional.of(answer(new UserId("-"), Optional.of(CHAMPION),
                    FallbackStatus.usedBecause("model does not know the item yet"), "n1"));
            default -> Optional.of(answer(new UserId("-"), Optional.of(CHAMPION), FallbackStatus.notUsed(),
                    IntStream.rangeClosed(1, query.count()).mapToObj(i -> "s" + i).toArray(String[]::new)));
        });
        context.registerSingleton(RankItemsUseCase.class, query -> {
            LAST_RANK.set(query);
            List<String> ids = new ArrayList<>(query.items().stream().map(ItemId::value).toList());
            if (query.user().value().equals("cold")) {
                return answer(query.user(), Optional.empty(), FallbackStatus.usedBecause(FallbackStatus.NO_MODEL),
                        ids.toArray(String[]::new));
            }
            Collections.reverse(ids);
            return answer(query.user(), Optional.of(CHAMPION), FallbackStatus.notUsed(), ids.toArray(String[]::new));
        });
        context.start();
        server = context.getBean(EmbeddedServer.class).start();
        json = context.getBean(JsonMapper.class);
        meters = context.getBean(MeterRegistry.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void recommendationsHaveTheContractShapeAndNoExplanationByDefault() throws Exception {
        Reply reply = get("/v1/users/u1/recommendations?count=2&category=books&exclude=x,y");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.tree();
        assertThat(body.get("requestId").getStringValue()).isEqualTo("req-u1");
        assertThat(body.get("userId").getStringValue()).isEqualTo("u1");
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("itemId").getStringValue()).isEqualTo("a");
        assertThat(first.get("score").getDoubleValue()).isEqualTo(0.9);
        assertThat(first.get("rank").getIntValue()).isEqualTo(1);
        assertThat(first.get("sources").get(0).getStringValue()).isEqualTo("ials");
        assertThat(first.get("explanation")).isNull();
        assertThat(reply.body()).doesNotContain("explanation");
        assertThat(body.get("model").get("name").getStringValue()).isEqualTo("two-stage");
        assertThat(body.get("model").get("version").getStringValue()).isEqualTo("v3");
        assertThat(body.get("fallback").get("used").getBooleanValue()).isFalse();
        assertThat(body.get("fallback").get("reason").isNull()).isTrue();

        RecommendItemsQuery query = LAST_RECOMMEND.get();
        assertThat(query.explain()).isFalse();
        assertThat(query.diversity()).isZero();
        assertThat(query.count()).isEqualTo(2);
        assertThat(query.category()).contains("books");
        assertThat(query.exclude()).containsExactlyInAnyOrder(new ItemId("x"), new ItemId("y"));
    }

    @Test
    void aRequestCarriesSinceWhenItWaitedBehindABusyWorkerAndNothingWhenAWorkerWasFree() throws Exception {
        Reply alone = get("/v1/users/u1/recommendations");
        assertThat(alone.status()).as(alone.body()).isEqualTo(200);
        assertThat(RECOMMENDED_ON.get()).startsWith(ArrivalFilter.SERVING_EXECUTOR + "-");
        assertThat(LAST_RECOMMEND.get().context().queuedSinceNanos()).as("a free worker took it").isEmpty();

        // The one serving worker is kept busy; the next request arrives and waits behind it (ADR-0039).
        CompletableFuture<HttpResponse<String>> busy = CLIENT.sendAsync(
                HttpRequest.newBuilder(uri("/v1/users/busy/recommendations")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(BUSY_STARTED.await(10, TimeUnit.SECONDS)).isTrue();
        long before = System.nanoTime();
        CompletableFuture<HttpResponse<String>> waiting = CLIENT.sendAsync(
                HttpRequest.newBuilder(uri("/v1/users/u2/recommendations")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);
        BUSY_RELEASED.countDown();

        assertThat(busy.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        RecommendItemsQuery queued = LAST_RECOMMEND.get();
        assertThat(queued.user().value()).isEqualTo("u2");
        assertThat(queued.context().queuedSinceNanos()).as("it waited behind the busy worker").isPresent();
        assertThat(queued.context().queuedSinceNanos().getAsLong()).isBetween(before, System.nanoTime());
    }

    @Test
    void explainTrueAddsTheExplanationInSchemaOrderAndDiversityReachesTheQuery() throws Exception {
        Reply reply = get("/v1/users/u1/recommendations?explain=true&diversity=0.3");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode explanation = reply.tree().get("items").get(0).get("explanation");
        assertThat(explanation.isObject()).isTrue();
        assertThat(names(explanation)).containsExactly("score", "popularity", "age_days", "affinity");
        assertThat(explanation.get("popularity").getDoubleValue()).isEqualTo(0.25);
        assertThat(explanation.get("age_days").getDoubleValue()).isEqualTo(3.0);
        assertThat(reply.body()).containsSubsequence("\"score\":", "\"popularity\":", "\"age_days\":",
                "\"affinity\":");
        assertThat(LAST_RECOMMEND.get().explain()).isTrue();
        assertThat(LAST_RECOMMEND.get().diversity()).isEqualTo(0.3);

        Reply off = get("/v1/users/u1/recommendations?explain=false&diversity=1");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.body()).doesNotContain("explanation");
        assertThat(LAST_RECOMMEND.get().diversity()).isEqualTo(1.0);
    }

    @Test
    void badExplainAndDiversityAreProblemsNamingTheParameter() throws Exception {
        assertProblem(get("/v1/users/u1/recommendations?explain=yes"), 400, "explain");
        assertProblem(get("/v1/users/u1/recommendations?explain=1"), 400, "explain");
        assertProblem(get("/v1/users/u1/recommendations?diversity=much"), 400, "diversity");
        assertProblem(get("/v1/users/u1/recommendations?diversity=1.5"), 400, "diversity");
        assertProblem(get("/v1/users/u1/recommendations?diversity=-0.1"), 400, "diversity");
        assertProblem(get("/v1/users/u1/recommendations?diversity=NaN"), 400, "diversity");
        assertProblem(get("/v1/users/u1/recommendations?count=many"), 400, "count");
    }

    @Test
    void similarItemsHaveTheSameShapeWithANullUser() throws Exception {
        Reply reply = get("/v1/items/a/similar?count=3");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.tree();
        assertThat(body.get("requestId").getStringValue()).isEqualTo("req--");
        assertThat(body.get("userId").isNull()).isTrue();
        assertThat(itemIds(body)).containsExactly("s1", "s2", "s3");
        assertThat(body.get("items").get(2).get("rank").getIntValue()).isEqualTo(3);
        assertThat(reply.body()).doesNotContain("explanation");
        assertThat(body.get("model").get("version").getStringValue()).isEqualTo("v3");
        assertThat(body.get("fallback").get("used").getBooleanValue()).isFalse();

        assertThat(itemIds(get("/v1/items/a/similar").tree())).hasSize(RecommendationsController.DEFAULT_COUNT);
    }

    @Test
    void similarItemsOfAnUnknownItemAreNotFound() throws Exception {
        Reply reply = get("/v1/items/unknown/similar");

        assertProblem(reply, 404, "id");
        assertThat(reply.tree().get("type").getStringValue()).endsWith("/item-not-found");
        assertProblem(get("/v1/items/a/similar?count=0"), 400, "count");
    }

    @Test
    void rankingsOrderTheGivenItemsInTheSameShape() throws Exception {
        Reply reply = post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\",\"b\",\"c\"],\"explain\":false}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.tree();
        assertThat(body.get("requestId").getStringValue()).isEqualTo("req-u1");
        assertThat(body.get("userId").getStringValue()).isEqualTo("u1");
        assertThat(itemIds(body)).containsExactly("c", "b", "a");
        assertThat(reply.body()).doesNotContain("explanation");
        assertThat(body.get("model").get("name").getStringValue()).isEqualTo("two-stage");
        assertThat(body.get("fallback").get("used").getBooleanValue()).isFalse();
        assertThat(LAST_RANK.get().items()).extracting(ItemId::value).containsExactly("a", "b", "c");
        assertThat(LAST_RANK.get().explain()).isFalse();

        Reply explained = post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\"],\"explain\":true}");
        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        assertThat(names(explained.tree().get("items").get(0).get("explanation")))
                .containsExactly("score", "popularity", "age_days", "affinity");
        assertThat(LAST_RANK.get().explain()).isTrue();

        Reply withoutExplain = post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\"]}");
        assertThat(withoutExplain.status()).as(withoutExplain.body()).isEqualTo(200);
        assertThat(withoutExplain.body()).doesNotContain("explanation");
    }

    @Test
    void badRankingRequestsAreProblemsNamingTheField() throws Exception {
        assertProblem(post("/v1/rankings", "{\"itemIds\":[\"a\"]}"), 400, "userId");
        assertProblem(post("/v1/rankings", "{\"userId\":\"  \",\"itemIds\":[\"a\"]}"), 400, "userId");
        assertProblem(post("/v1/rankings", "{\"userId\":7,\"itemIds\":[\"a\"]}"), 400, "userId");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\"}"), 400, "itemIds");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[]}"), 400, "itemIds");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":\"a\"}"), 400, "itemIds");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\",\"b\",\"a\"]}"), 400, "itemIds");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":" + ids(RankItemsQuery.MAX_ITEMS + 1)
                + "}"), 400, "itemIds");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\",3]}"), 400, "itemIds[1]");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\",\" \"]}"), 400, "itemIds[1]");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\"],\"explain\":\"yes\"}"), 400,
                "explain");
        assertProblem(post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\""), 400, "body");
        assertProblem(post("/v1/rankings", "[\"a\"]"), 400, "body");
        assertProblem(post("/v1/rankings", ""), 400, "body");

        Reply atTheLimit = post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":" + ids(RankItemsQuery.MAX_ITEMS) + "}");
        assertThat(atTheLimit.status()).as(atTheLimit.body()).isEqualTo(200);
    }

    @Test
    void fallbackAnswersAreCountedByEndpointAndCauseAndEveryAnswerByOrigin() throws Exception {
        double onlineStore = count(ServingMetrics.FALLBACKS, "endpoint", "recommendations", "reason", "online store");
        double noModel = count(ServingMetrics.FALLBACKS, "endpoint", "rankings", "reason", "no model");
        double unknownToModel = count(ServingMetrics.FALLBACKS, "endpoint", "similar",
                "reason", "model does not know the item yet");
        double fromFallback = count(ServingMetrics.RECOMMENDATIONS, "endpoint", "recommendations", "model", "fallback");
        double fromModel = count(ServingMetrics.RECOMMENDATIONS, "endpoint", "recommendations", "model", "model");
        double similarFromModel = count(ServingMetrics.RECOMMENDATIONS, "endpoint", "similar", "model", "model");

        Reply cold = get("/v1/users/cold/recommendations");
        assertThat(cold.tree().get("fallback").get("used").getBooleanValue()).isTrue();
        assertThat(cold.tree().get("fallback").get("reason").getStringValue())
                .isEqualTo("online store unavailable: timed out after 200 ms");
        assertThat(cold.tree().get("model").isNull()).isTrue();
        assertThat(post("/v1/rankings", "{\"userId\":\"cold\",\"itemIds\":[\"a\"]}").status()).isEqualTo(200);
        assertThat(get("/v1/items/new/similar").status()).isEqualTo(200);
        assertThat(get("/v1/users/u1/recommendations").status()).isEqualTo(200);
        assertThat(get("/v1/items/unknown/similar").status()).isEqualTo(404);

        assertThat(count(ServingMetrics.FALLBACKS, "endpoint", "recommendations", "reason", "online store"))
                .isEqualTo(onlineStore + 1);
        assertThat(count(ServingMetrics.FALLBACKS, "endpoint", "rankings", "reason", "no model")).isEqualTo(noModel + 1);
        assertThat(count(ServingMetrics.FALLBACKS, "endpoint", "similar", "reason", "model does not know the item yet"))
                .isEqualTo(unknownToModel + 1);
        assertThat(count(ServingMetrics.RECOMMENDATIONS, "endpoint", "recommendations", "model", "fallback"))
                .isEqualTo(fromFallback + 1);
        assertThat(count(ServingMetrics.RECOMMENDATIONS, "endpoint", "recommendations", "model", "model"))
                .isEqualTo(fromModel + 1);
        // The 404 served nothing.
        assertThat(count(ServingMetrics.RECOMMENDATIONS, "endpoint", "similar", "model", "model"))
                .isEqualTo(similarFromModel);
        // The label is the cause, never the detail, so it stays bounded.
        assertThat(meters.find(ServingMetrics.FALLBACKS).counters()).allSatisfy(counter ->
                assertThat(counter.getId().getTag("reason")).doesNotContain("timed out"));
    }

    @Test
    void errorBodiesNeverCarryAStackTraceOrExceptionText() throws Exception {
        Reply failure = get("/v1/users/boom/recommendations");

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.contentType()).startsWith("application/problem+json");
        assertThat(failure.tree().get("detail").getStringValue()).isNotBlank();
        List<Reply> errors = new ArrayList<>(List.of(failure,
                post("/v1/rankings", "{\"userId\":"),
                post("/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"a\",\"a\"]}"),
                get("/v1/users/u1/recommendations?diversity=2"),
                get("/v1/items/unknown/similar")));
        for (Reply error : errors) {
            assertThat(error.body()).doesNotContain("\tat ", "at io.", "at java.", "Exception", "10.0.0.7");
        }
    }

    private static Recommendation answer(UserId user, Optional<ModelRef> model, FallbackStatus fallback,
                                         String... itemIds) {
        List<RankedItem> items = new ArrayList<>();
        for (int i = 0; i < itemIds.length; i++) {
            items.add(new RankedItem(new ItemId(itemIds[i]), 0.9 - i * 0.1, i + 1, List.of("ials"), EXPLANATION));
        }
        return new Recommendation("req-" + user.value(), user, items, model, fallback);
    }

    private static Map<String, Double> explanation() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("score", 0.9);
        values.put("popularity", 0.25);
        values.put("age_days", 3.0);
        values.put("affinity", 0.5);
        return values;
    }

    private static String ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"i" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.entries().forEach(entry -> names.add(entry.getKey()));
        return names;
    }

    private static List<String> itemIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("items").values().forEach(item -> ids.add(item.get("itemId").getStringValue()));
        return ids;
    }

    private static void assertProblem(Reply reply, int status, String field) throws IOException {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.tree().get("status").getIntValue()).isEqualTo(status);
        assertThat(reply.tree().get("field").getStringValue()).as(reply.body()).isEqualTo(field);
        assertThat(reply.tree().get("detail").getStringValue()).isNotBlank();
    }

    private static Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static URI uri(String path) {
        return URI.create(server.getURL().toString() + path);
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** One HTTP answer as a client sees it. */
    private record Reply(int status, String contentType, String body) {

        JsonNode tree() throws IOException {
            return json.readValue(body, JsonNode.class);
        }
    }
}
