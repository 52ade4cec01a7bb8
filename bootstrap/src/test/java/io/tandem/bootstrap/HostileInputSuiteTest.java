package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.adapters.shared.json.JsonText;
import io.tandem.application.feature.port.out.LoadEventCountsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.serving.ServingModels;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.EventValidation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded hostile-input suite of issue 11, against a real embedded Tandem over HTTP: every route gets malformed,
 * oversized, out-of-range, mistyped, unknown-field, control-character and invalid-UTF-8 input (jqwik, fixed seeds,
 * bounded tries: about a minute). Every answer is below 500; every refusal is problem+json naming the field; no body
 * holds a path, a class or exception name or a configuration key; the good events sent beside bad ones are kept
 * exactly once, retries included; what HTTP refuses, the Kafka and file reader refuse with the same field and words.
 * After the run the instance restarts, and a fresh event reaches the lake, the online store and training.
 */
class HostileInputSuiteTest {

    /** Shapes that would only be in a body by leaking internals. Inputs are generated so they never contain these. */
    private static final Pattern LEAK = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+\\.|io\\.tandem|io\\.micronaut"
            + "|io\\.netty|com\\.fasterxml|java\\.(lang|io|util|time|nio)\\.|\\.java\\b|file:/|/tmp/|/home/|/root/"
            + "|/var/|jdbc:|micronaut\\.|tandem\\.(lake|serving|kafka|redis|input|local-log|training)|Caused by");
    private static final String GOOD_ITEM = "hostile-good-item-";
    private static final int GOOD_ITEMS = 5;

    private static Map<String, Object> state;
    private static TandemHttp tandem;
    private static RawHttp raw;
    private static final List<String> goodIds = new ArrayList<>();
    private static final AtomicInteger goodSequence = new AtomicInteger();

    @BeforeContainer
    static void start() throws Exception {
        state = new HashMap<>(TandemHttp.isolated());
        tandem = TandemHttp.start(state);
        raw = new RawHttp("127.0.0.1", tandem.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                .getPort());
        // Training data, so that after the run a fresh event can be shown to reach a trained model.
        SyntheticLake.load(tandem, 11L);
        for (int i = 0; i < GOOD_ITEMS; i++) {
            assertThat(tandem.putJson("/v1/items/" + GOOD_ITEM + i, "{\"categories\":[\"hostile\"]}").status())
                    .isEqualTo(200);
        }
    }

    @AfterContainer
    static void restartAndFollowAFreshEvent() throws Exception {
        try {
            assertGoodEventsKeptExactlyOnce();
        } finally {
            tandem.close();
        }
        try (TandemHttp restarted = TandemHttp.start(state)) {
            assertThat(restarted.putJson("/v1/items/hostile-fresh", "{\"categories\":[\"c0\"]}").status())
                    .isEqualTo(200);
            TandemHttp.Response posted = restarted.postJson("/v1/events", "[{\"id\":\"hostile-fresh-event\","
                    + "\"type\":\"purchase\",\"userId\":\"u00001\",\"itemId\":\"hostile-fresh\","
                    + "\"time\":\"2026-01-05T12:00:00Z\"}]");
            assertThat(posted.status()).as(posted.body()).isEqualTo(202);
            assertThat(posted.tree().get("accepted").getIntValue()).isEqualTo(1);

            restarted.context().getBean(LocalLogArchiver.class).drain();
            List<String> archived = new ArrayList<>();
            LocalDate day = LocalDate.parse("2026-01-05");
            restarted.context().getBean(ReadLakePort.class).readEvents(day, day, e -> archived.add(e.id().value()));
            assertThat(archived).as("the lake").containsOnlyOnce("hostile-fresh-event");

            ItemId fresh = new ItemId("hostile-fresh");
            assertThat(restarted.context().getBean(LoadEventCountsPort.class).itemCounts(List.of(fresh)).get(fresh)
                    .count(EventType.PURCHASE)).as("the online store").isEqualTo(1);

            SyntheticLake.train(restarted, 42L);
            assertThat(restarted.context().getBean(ServingModels.class).refresh().serving()).isPresent();
            JsonNode similar = restarted.get("/v1/items/hostile-fresh/similar?count=5").tree();
            assertThat(similar.get("fallback").get("used").getBooleanValue())
                    .as("the trained model knows the fresh event's item: %s", similar).isFalse();
        }
    }

    @Property(tries = 3000, seed = "20261206")
    void everyRouteAnswersHostileInputBelow500WithAProblemNamingTheFieldAndNoLeak(
            @ForAll("hostileRequests") HostileRequest request) {
        RawHttp.Response response = raw.send(request.method(), request.path().getBytes(StandardCharsets.ISO_8859_1),
                request.headers(), request.body());

        assertThat(response.status()).as("%s -> %s", request, response.body()).isLessThan(500);
        assertThat(response.body()).as("%s", request).doesNotContainPattern(LEAK);
        response.headers().forEach((name, values) -> assertThat(String.join(",", values)).doesNotContainPattern(LEAK));
        if (response.status() >= 400) {
            assertThat(response.contentType()).as("%s -> %s", request, response.body())
                    .startsWith("application/problem+json");
            JsonNode problem = tree(response.body());
            assertThat(problem.get("status").getIntValue()).isEqualTo(response.status());
            assertThat(problem.get("title").getStringValue()).isNotBlank();
            if (response.status() == 400 || response.status() == 413) {
                assertThat(problem.get("field")).as("%s -> %s", request, response.body()).isNotNull();
                assertThat(problem.get("field").getStringValue()).isNotBlank();
            }
        } else if (!request.path().startsWith("/prometheus") && !response.body().isEmpty()) {
            assertThat(tree(response.body())).as("a JSON answer").isNotNull();
        }
    }

    @Property(tries = 250, seed = "20261207")
    void goodEventsBesideBadOnesAreKeptExactlyOnceRetriesIncluded(
            @ForAll("mixedBatches") List<Tuple.Tuple2<Boolean, String>> batch,
            @ForAll("retries") int sends) {
        List<String> ids = new ArrayList<>();
        List<Integer> badIndexes = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int index = 0; index < batch.size(); index++) {
            body.append(index == 0 ? "" : ",");
            if (batch.get(index).get1()) {
                String id = "hostile-good-" + goodSequence.incrementAndGet();
                ids.add(id);
                body.append("{\"id\":\"").append(id).append("\",\"type\":\"click\",\"userId\":\"hostile-u")
                        .append(index % 7).append("\",\"itemId\":\"").append(GOOD_ITEM).append(index % GOOD_ITEMS)
                        .append("\",\"time\":\"2026-01-0").append(1 + index % 9).append("T10:00:00Z\"}");
            } else {
                badIndexes.add(index);
                body.append(batch.get(index).get2());
            }
        }
        String json = body.append(']').toString();
        for (int send = 0; send < sends; send++) {
            TandemHttp.Response response = tandem.postJson("/v1/events", json);

            assertThat(response.status()).as(response.body()).isLessThan(500);
            if (ids.isEmpty()) {
                assertThat(response.status()).as(response.body()).isEqualTo(400);
                continue;
            }
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            JsonNode report = response.tree();
            assertThat(report.get("accepted").getIntValue()).as(json).isEqualTo(send == 0 ? ids.size() : 0);
            assertThat(report.get("duplicates").getIntValue()).as(json).isEqualTo(send == 0 ? 0 : ids.size());
            List<Integer> rejected = new ArrayList<>();
            report.get("rejected").values().forEach(r -> rejected.add(r.get("index").getIntValue()));
            assertThat(rejected).as(json).containsExactlyElementsOf(badIndexes);
        }
        synchronized (goodIds) {
            goodIds.addAll(ids);
        }
    }

    @Property(tries = 500, seed = "20261208")
    void theKafkaAndFileReaderRefuseWhatHttpRefusesInTheSameWords(@ForAll("hostileEvents") String event) {
        TandemHttp.Response http = tandem.postJson("/v1/events", "[" + event + "]");
        EventValidation record = EventWireFormat.record(event.getBytes(StandardCharsets.UTF_8))
                .validate(TimeWindow.DEFAULT, Instant.now());

        if (record instanceof EventValidation.Invalid invalid) {
            assertThat(http.status()).as(http.body()).isEqualTo(400);
            JsonNode problem = http.tree();
            if (problem.get("errors") == null) {
                // Not even well-formed JSON: no batch can be split into events, so HTTP refuses the body as a whole,
                // in the same words (the column differs by the array's bracket).
                assertThat(problem.get("field").getStringValue()).isEqualTo("body");
                assertThat(invalid.field()).isEqualTo("event");
                assertThat(withoutPlace(problem.get("detail").getStringValue()))
                        .isEqualTo(withoutPlace(invalid.message()));
            } else {
                JsonNode rejection = problem.get("errors").get(0);
                assertThat(rejection.get("field").getStringValue()).isEqualTo(invalid.field());
                assertThat(rejection.get("message").getStringValue()).isEqualTo(invalid.message());
            }
        } else {
            assertThat(http.status()).as(http.body()).isEqualTo(202);
        }
    }

    private static String withoutPlace(String message) {
        return message.replaceFirst(" at line \\d+, column \\d+", "");
    }

    private static JsonNode tree(String body) {
        return new TandemHttp.Response(200, "", body, tandem.context().getBean(io.micronaut.json.JsonMapper.class))
                .tree();
    }

    private static void assertGoodEventsKeptExactlyOnce() throws Exception {
        tandem.context().getBean(LocalLogArchiver.class).drain();
        Map<String, Integer> copies = new HashMap<>();
        tandem.context().getBean(ReadLakePort.class).readEvents(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-09"), event -> {
                    if (event.id().value().startsWith("hostile-good-")) {
                        copies.merge(event.id().value(), 1, Integer::sum);
                    }
                });
        assertThat(copies.keySet()).as("every good event in the lake").containsExactlyInAnyOrderElementsOf(goodIds);
        assertThat(copies.values()).as("each once").allMatch(count -> count == 1);
        List<ItemId> items = IntStream.range(0, GOOD_ITEMS).mapToObj(i -> new ItemId(GOOD_ITEM + i)).toList();
        long clicks = tandem.context().getBean(LoadEventCountsPort.class).itemCounts(items).values().stream()
                .mapToLong(counts -> counts.count(EventType.CLICK)).sum();
        assertThat(clicks).as("every good event in the online store, once").isEqualTo(goodIds.size());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generators

    /** A request that no well-behaved client sends. */
    record HostileRequest(String method, String path, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + headers + " " + (text.length() > 300 ? text.substring(0, 300) + "…"
                    : text);
        }
    }

    @Provide
    Arbitrary<HostileRequest> hostileRequests() {
        return Arbitraries.oneOf(
                eventBodies().map(body -> json("POST", "/v1/events", body)),
                Combinators.combine(pathSegments(), itemBodies())
                        .as((id, body) -> json("PUT", "/v1/items/" + id, body)),
                pathSegments().map(id -> json("GET", "/v1/items/" + id, new byte[0])),
                pathSegments().map(id -> json("DELETE", "/v1/items/hostile-deleted-" + id, new byte[0])),
                itemBodies().list().ofMaxSize(5).map(items -> json("POST", "/v1/items:batch", array(items))),
                Combinators.combine(pathSegments(), userBodies())
                        .as((id, body) -> json("PUT", "/v1/users/" + id, body)),
                pathSegments().map(id -> json("GET", "/v1/users/" + id, new byte[0])),
                Arbitraries.just(json("GET", "/v1/catalog", new byte[0])),
                Combinators.combine(pathSegments(), queryValues(), queryValues(), queryValues(), queryValues())
                        .as((id, count, category, exclude, diversity) -> json("GET", "/v1/users/" + id
                                + "/recommendations?count=" + count + "&category=" + category + "&exclude=" + exclude
                                + "&explain=" + count + "&diversity=" + diversity, new byte[0])),
                Combinators.combine(pathSegments(), queryValues()).as((id, count) ->
                        json("GET", "/v1/items/" + id + "/similar?count=" + count, new byte[0])),
                rankingBodies().map(body -> json("POST", "/v1/rankings", body)),
                Arbitraries.just(json("GET", "/v1/models", new byte[0])),
                pathSegments().map(name -> json("GET", "/v1/models/" + name + "/versions", new byte[0])),
                Combinators.combine(pathSegments(), pathSegments()).as((name, version) ->
                        json("POST", "/v1/models/" + name + "/versions/" + version + "/promote", new byte[0])),
                pathSegments().map(name -> json("POST", "/v1/models/" + name + "/rollback", new byte[0])),
                jobBodies().map(body -> json("POST", "/v1/jobs", body)),
                pathSegments().map(id -> json("GET", "/v1/jobs/" + id, new byte[0])),
                queryValues().map(limit -> json("GET", "/v1/jobs?limit=" + limit, new byte[0])),
                experimentBodies().map(body -> json("POST", "/v1/experiments", body)),
                Arbitraries.just(json("GET", "/v1/experiments", new byte[0])),
                pathSegments().map(name -> json("GET", "/v1/experiments/" + name, new byte[0])),
                Combinators.combine(pathSegments(), Arbitraries.of("start", "stop")).as((name, step) ->
                        json("POST", "/v1/experiments/" + name + "/" + step, new byte[0])),
                Arbitraries.of("/health/liveness", "/health/readiness", "/prometheus", "/beans", "/routes",
                        "/threaddump", "/metrics", "/info", "/env", "/refresh", "/v1", "/v1/nothing", "/../etc/passwd",
                        "/v1/items/", "/v1/users//recommendations").map(path -> json("GET", path, new byte[0])),
                Arbitraries.of("PATCH", "OPTIONS", "TRACE", "PUT", "DELETE").map(method ->
                        json(method, "/v1/events", bytes("[]"))),
                badEnvelopes());
    }

    /** Bodies and headers that are wrong before any member is read. */
    private Arbitrary<HostileRequest> badEnvelopes() {
        String events = "[{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"}]";
        return Arbitraries.of(
                new HostileRequest("POST", "/v1/events", Map.of("Content-Type", "text/plain"), bytes(events)),
                new HostileRequest("POST", "/v1/events", Map.of(), bytes(events)),
                new HostileRequest("POST", "/v1/events", Map.of("Content-Type", "application/json",
                        "Content-Encoding", "gzip"), bytes(events)),
                new HostileRequest("POST", "/v1/events", Map.of("Content-Type", "application/json",
                        "Content-Encoding", "gzip"), gzip(events)),
                new HostileRequest("POST", "/v1/events", Map.of("Content-Type", "application/json",
                        "Content-Encoding", "br"), bytes(events)),
                new HostileRequest("POST", "/v1/events", Map.of("Content-Type", "application/json",
                        "Content-Encoding", "gzip"), gzip("[" + "{}".repeat(1) + "," + " ".repeat(20_000_000) + "]")),
                json("POST", "/v1/events", new byte[17 * 1024 * 1024]),
                json("POST", "/v1/events", bytes("[" + "[".repeat(10_000) + "]".repeat(10_000) + "]")),
                json("POST", "/v1/events", bytes(IntStream.range(0, 10_001).mapToObj(i -> "{}")
                        .collect(Collectors.joining(",", "[", "]")))),
                json("POST", "/v1/events", new byte[] {'[', '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}',
                        ']'}),
                json("POST", "/v1/events", new byte[] {'[', '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80, '"', '}', ']'}),
                json("POST", "/v1/events", new byte[] {'[', '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC0, (byte) 0x80,
                        '"', '}', ']'}),
                json("PUT", "/v1/items/%FF", bytes("{}")),
                json("PUT", "/v1/items/%ED%A0%80", bytes("{}")),
                json("PUT", "/v1/items/%C0%80", bytes("{}")),
                json("PUT", "/v1/items/%", bytes("{}")),
                json("PUT", "/v1/items/%zz", bytes("{}")),
                json("GET", "/v1/items/\u00ff\u00fe", new byte[0]),
                json("POST", "/v1/events", bytes("")),
                json("POST", "/v1/events", bytes("null")),
                json("POST", "/v1/rankings", bytes("")),
                json("POST", "/v1/jobs", bytes("")));
    }

    private Arbitrary<byte[]> eventBodies() {
        return Arbitraries.oneOf(
                hostileEvents().list().ofMinSize(1).ofMaxSize(8).map(events -> bytes(String.join(",", events)))
                        .map(inner -> concat(bytes("["), inner, bytes("]"))),
                hostileEvents().map(HostileInputSuiteTest::bytes),
                jsonValues(3).map(HostileInputSuiteTest::bytes),
                truncated(hostileEvents().map(event -> "[" + event + "]")));
    }

    @Provide
    Arbitrary<String> hostileEvents() {
        return objects(Map.of(
                "id", ids(), "type", Arbitraries.oneOf(Arbitraries.of("\"click\"", "\"view\"", "\"rating\"",
                                "\"purchase\""),
                        hostileStrings().map(HostileInputSuiteTest::quoted)),
                "userId", ids(), "itemId", ids(), "time", times(), "value", numbers(),
                "context", Arbitraries.oneOf(objects(Map.of("surface", ids(), "requestId", ids(),
                        "position", numbers()), List.of("rank", "page")), jsonValues(1))),
                List.of("timestamp", "ts", "category", "user", "rank", "ID", "itemid", "x".repeat(200)));
    }

    private Arbitrary<byte[]> itemBodies() {
        Arbitrary<String> labels = Arbitraries.oneOf(ids(), jsonValues(1)).list().ofMaxSize(6)
                .map(values -> String.join(",", values)).map(values -> "[" + values + "]");
        Arbitrary<String> attributes = Combinators.combine(hostileStrings(), Arbitraries.oneOf(ids(), jsonValues(1)))
                .as((key, value) -> "{" + quoted(key) + ":" + value + "}");
        Arbitrary<String> item = objects(Map.of("itemId", ids(), "categories", Arbitraries.oneOf(labels, jsonValues(1),
                Arbitraries.just(IntStream.range(0, 200).mapToObj(i -> "\"c" + i + "\"")
                        .collect(Collectors.joining(",", "[", "]")))),
                "tags", labels, "createdAt", times(), "available", Arbitraries.oneOf(Arbitraries.of("true", "false"),
                        jsonValues(1)), "attributes", Arbitraries.oneOf(attributes, jsonValues(1))),
                List.of("category", "tag", "created", "id", "price"));
        return Arbitraries.oneOf(item.map(HostileInputSuiteTest::bytes), truncated(item), jsonValues(2)
                .map(HostileInputSuiteTest::bytes));
    }

    private Arbitrary<byte[]> userBodies() {
        Arbitrary<String> attributes = Combinators.combine(hostileStrings(), Arbitraries.oneOf(ids(), jsonValues(1)))
                .as((key, value) -> "{" + quoted(key) + ":" + value + "}");
        return objects(Map.of("userId", ids(), "attributes", Arbitraries.oneOf(attributes, jsonValues(1))),
                List.of("attrs", "user", "id")).map(HostileInputSuiteTest::bytes);
    }

    private Arbitrary<byte[]> rankingBodies() {
        Arbitrary<String> itemIds = Arbitraries.oneOf(ids().list().ofMaxSize(6)
                .map(values -> "[" + String.join(",", values) + "]"), jsonValues(1));
        return objects(Map.of("userId", ids(), "itemIds", itemIds, "explain",
                Arbitraries.oneOf(Arbitraries.of("true", "false"), jsonValues(1))), List.of("items", "user"))
                .map(HostileInputSuiteTest::bytes);
    }

    private Arbitrary<byte[]> jobBodies() {
        // Never a valid job type: a training job started by the suite would only slow it down.
        Arbitrary<String> types = Arbitraries.oneOf(
                Arbitraries.of("\" train \"", "\"TRAIN\"", "\"dance\"", "\"pipeline\\u0000\"", "1", "null", "[]"),
                hostileStrings().filter(s -> !s.equals("train") && !s.equals("pipeline"))
                        .map(HostileInputSuiteTest::quoted));
        return objects(Map.of("type", types), List.of("job", "kind")).map(HostileInputSuiteTest::bytes);
    }

    private Arbitrary<byte[]> experimentBodies() {
        Arbitrary<String> models = Arbitraries.oneOf(Arbitraries.of("null", "\"champion\"", "\"CHAMPION\""),
                objects(Map.of("name", ids(), "version", ids()), List.of("id")), jsonValues(1));
        Arbitrary<String> options = Arbitraries.oneOf(objects(Map.of("diversity", numbers(), "explorationPlaces",
                numbers(), "candidatesPerRetriever", numbers()), List.of("mmr")), jsonValues(1));
        Arbitrary<String> variant = objects(Map.of("name", ids(), "share", numbers(), "model", models, "options",
                options), List.of("weight"));
        Arbitrary<String> variants = Arbitraries.oneOf(variant.list().ofMaxSize(4)
                .map(values -> "[" + String.join(",", values) + "]"), jsonValues(1));
        return objects(Map.of("name", ids(), "salt", ids(), "surface", ids(), "holdout", numbers(), "variants",
                variants), List.of("variant", "shares")).map(HostileInputSuiteTest::bytes);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Boolean, String>>> mixedBatches() {
        Arbitrary<String> bad = Arbitraries.oneOf(
                Arbitraries.of("{\"type\":\"CLICK\",\"userId\":\"u\",\"itemId\":\"i\"}",
                        "{\"type\":\"click\",\"userId\":\" u\",\"itemId\":\"i\"}",
                        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":1}",
                        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":\"1764583200\"}",
                        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":\"-300000-01-01T00:00:00Z\"}",
                        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"requestId\":\""
                                + "r".repeat(65_536) + "\"}}",
                        "{\"type\":\"click\",\"type\":\"view\",\"userId\":\"u\",\"itemId\":\"i\"}",
                        "{\"type\":\"click\",\"userId\":\"u\\u0000\",\"itemId\":\"i\"}",
                        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"\\ud800\"}",
                        "{\"type\":\"rating\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":\"4\"}",
                        "{\"type\":\"rating\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":1e400}",
                        "42", "null", "[]", "\"click\""));
        Arbitrary<Tuple.Tuple2<Boolean, String>> element = Arbitraries.oneOf(
                Arbitraries.just(Tuple.of(true, "")), bad.map(text -> Tuple.of(false, text)));
        return element.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> retries() {
        return Arbitraries.integers().between(1, 3);
    }

    /** A JSON object of some of {@code members}, each maybe replaced or repeated, and maybe an unknown member. */
    private static Arbitrary<String> objects(Map<String, Arbitrary<String>> members, List<String> unknown) {
        List<String> names = new ArrayList<>(members.keySet());
        names.sort(null);
        List<Arbitrary<String>> values = names.stream().map(members::get).toList();
        return Combinators.combine(
                Combinators.combine(values).as(list -> list),
                Arbitraries.integers().between(0, (1 << names.size()) - 1),
                Arbitraries.of(unknown).injectNull(0.7),
                Arbitraries.integers().between(-1, names.size() - 1)).as((chosen, present, extra, repeated) -> {
                    Map<String, String> object = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        if ((present & (1 << i)) != 0) {
                            object.put(quoted(names.get(i)), chosen.get(i));
                        }
                    }
                    StringBuilder json = new StringBuilder("{");
                    object.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append(name).append(':')
                            .append(value));
                    if (extra != null) {
                        json.append(json.length() > 1 ? "," : "").append(quoted(extra)).append(":1");
                    }
                    if (repeated >= 0 && (present & (1 << repeated)) != 0) {
                        json.append(',').append(quoted(names.get(repeated))).append(':').append(chosen.get(repeated));
                    }
                    return json.append('}').toString();
                });
    }

    /** Id members: mostly fine, often hostile, sometimes of another JSON type. */
    private static Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(12)
                        .map(HostileInputSuiteTest::quoted)),
                Tuple.of(4, hostileStrings().map(HostileInputSuiteTest::quoted)),
                Tuple.of(1, Arbitraries.of("1", "1.5", "-0", "1e3", "true", "null", "{}", "[]", "[\"a\"]")));
    }

    private static Arbitrary<String> times() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"2026-01-03T10:00:00Z\"", "\"2026-01-03T10:00:00+01:00\"",
                        "\"-300000-01-01T00:00:00Z\"",
                        "\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"1764583200\"",
                        "\"1969-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-01-03T10:00:00\"",
                        "\"2999-01-01T00:00:00Z\"", "\"\"", "\" 2026-01-03T10:00:00Z\"", "1767261600000",
                        "-62135596800000", "9223372036854775807", "99999999999999999999", "1.5e12", "\"yesterday\""),
                jsonValues(1));
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.of("0", "1", "3", "4.5", "-1", "1e12", "1e13", "1e400", "-1e400",
                        "0.0000001", "1000000", "1000001", "2147483648", "99999999999999999999999", "\"4\"", "null"),
                jsonValues(1));
    }

    /** Text that breaks naive readers: padding, control characters, lone surrogates, huge, JSON-looking. */
    private static Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of(" x", "x ", "\tx", "x\u00A0", "\u3000x", "", " ", "a\u0000b", "a\u001Fb", "a\u007Fb",
                        "a\u0085b", "\uD800", "a\uDC00b", "😀", "\uFFFD", "עברית", "e\u0301", "\u202Eevil",
                        "1764583200", "1.5", "?", "%FF", "..", "a/b", "a\\b", "\"", "{\"a\":1}", "x".repeat(257),
                        "é".repeat(129), "y".repeat(70_000), "CLICK", " click ", "add_to_cart"),
                Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(8));
    }

    /** Query parameter values, sent percent-encoded, or as raw invalid escapes. */
    private static Arbitrary<String> queryValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "10", "0", "-1", "1001", "99999999999", "%205", "1.5", "abc", "true", "TRUE", "0.5",
                        "NaN", "Infinity", "2", "a,b", "a,,b", "a,%20b", "%FF", "%ED%A0%80", "%00", "%C0%80"),
                hostileStrings().map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8)));
    }

    /** Path segments: percent-encoded hostile text, or raw escapes that are not UTF-8. */
    private static Arbitrary<String> pathSegments() {
        return Arbitraries.oneOf(
                Arbitraries.of("item-1", "two-stage", "%20victim%20", "%FF", "%ED%A0%80", "%C0%80", "%00", "%0A",
                        "%E2%80%AE", "..", "%2E%2E", "%2F", "a%2Fb", "%25", "x".repeat(300)),
                hostileStrings().filter(text -> !text.isEmpty()).map(HostileInputSuiteTest::percentEncoded));
    }

    /** Any JSON value, nested up to {@code depth}. */
    private static Arbitrary<String> jsonValues(int depth) {
        Arbitrary<String> scalars = Arbitraries.oneOf(hostileStrings().map(HostileInputSuiteTest::quoted),
                Arbitraries.of("0", "-1", "1.5", "1e400", "true", "false", "null"));
        if (depth <= 0) {
            return scalars;
        }
        return Arbitraries.oneOf(scalars,
                jsonValues(depth - 1).list().ofMaxSize(3).map(values -> "[" + String.join(",", values) + "]"),
                Combinators.combine(hostileStrings(), jsonValues(depth - 1))
                        .as((k, v) -> "{" + quoted(k) + ":" + v + "}"));
    }

    private static Arbitrary<byte[]> truncated(Arbitrary<String> documents) {
        return Combinators.combine(documents, Arbitraries.doubles().between(0, 1)).as((text, share) -> {
            byte[] all = bytes(text);
            return java.util.Arrays.copyOf(all, (int) (all.length * share));
        });
    }

    private static HostileRequest json(String method, String path, byte[] body) {
        return new HostileRequest(method, path, Map.of("Content-Type", "application/json"), body);
    }

    private static byte[] array(List<byte[]> elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("["));
        for (int i = 0; i < elements.size(); i++) {
            out.writeBytes(bytes(i == 0 ? "" : ","));
            out.writeBytes(elements.get(i));
        }
        out.writeBytes(bytes("]"));
        return out.toByteArray();
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder();
        JsonText.appendString(json, text);
        return json.toString();
    }

    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(String.format("%02X", b & 0xFF));
        }
        return encoded.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
