package io.tandem.bootstrap;

import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings of issue 11, each reproduced from the front door of an embedded instance: every test here failed
 * before its fix.
 */
class HostileInputRegressionTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @AutoClose
    private static final TandemHttp tandem = TandemHttp.start(Map.of());

    @Test
    void anEventFromTheDistantPastIsRefusedAndLaterEventsStillReachTheLake() throws Exception {
        TandemHttp.Response response = tandem.postJson("/v1/events", "["
                + "{\"id\":\"f1-good\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\",\"time\":\"2026-11-02T10:00:00Z\"},"
                + "{\"id\":\"f1-old\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\",\"time\":\"-300000-01-01T00:00:00Z\"}]");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.tree().get("accepted").getIntValue()).isEqualTo(1);
        assertThat(response.tree().get("rejected").get(0).get("field").getStringValue()).isEqualTo("time");
        assertThat(archivedIds(LocalDate.parse("2026-11-02"))).containsExactly("f1-good");
    }

    @Test
    void aTimeBeyondEveryDurationIsRefusedAndARetryOfTheBatchKeepsItsGoodEventOnce() throws Exception {
        String batch = "[{\"id\":\"f2-good\",\"type\":\"click\",\"userId\":\"u2\",\"itemId\":\"i2\",\"time\":\"2026-11-03T10:00:00Z\"},"
                + "{\"id\":\"f2-far\",\"type\":\"click\",\"userId\":\"u2\",\"itemId\":\"i2\",\"time\":\"-999999999-01-01T00:00:00Z\"}]";

        TandemHttp.Response first = tandem.postJson("/v1/events", batch);
        TandemHttp.Response retry = tandem.postJson("/v1/events", batch);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.tree().get("rejected").get(0).get("field").getStringValue()).isEqualTo("time");
        assertThat(retry.tree().get("duplicates").getIntValue()).isEqualTo(1);
        assertThat(archivedIds(LocalDate.parse("2026-11-03"))).containsExactly("f2-good");
    }

    @Test
    void anOversizedRequestIdIsRefusedAndTheGoodEventsOfItsBatchAreKept() {
        String requestId = "r".repeat(64 * 1024);
        TandemHttp.Response response = tandem.postJson("/v1/events", "["
                + "{\"id\":\"f3-good\",\"type\":\"click\",\"userId\":\"u3\",\"itemId\":\"i3\"},"
                + "{\"id\":\"f3-bad\",\"type\":\"click\",\"userId\":\"u3\",\"itemId\":\"i3\",\"context\":{\"requestId\":\""
                + requestId + "\"}}]");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.tree().get("accepted").getIntValue()).isEqualTo(1);
        assertThat(response.tree().get("rejected").get(0).get("field").getStringValue()).isEqualTo("context.requestId");
    }

    @Test
    void nullAttributesHugeCategoryListsAndCompressedBodiesAreAnsweredWithoutAServerError() throws IOException {
        assertProblem(tandem.putJson("/v1/items/f4-null", "{\"attributes\":{\"k\":null}}"), 400, "attributes.k");
        assertProblem(tandem.putJson("/v1/users/f4-null", "{\"attributes\":{\"k\":null}}"), 400, "attributes.k");
        StringBuilder categories = new StringBuilder("{\"categories\":[");
        for (int i = 0; i < 70_000; i++) {
            categories.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        assertProblem(tandem.putJson("/v1/items/f4-many", categories.append("]}").toString()), 400, "categories");

        TandemHttp.Response gzipped = tandem.send("POST", "/v1/events", Map.of("Content-Type", "application/json",
                "Content-Encoding", "gzip"), gzip("[{\"id\":\"f4-gzip\",\"type\":\"click\",\"userId\":\"u4\",\"itemId\":\"i4\"}]"));
        assertThat(gzipped.status()).as(gzipped.body()).isEqualTo(202);
        assertThat(gzipped.tree().get("accepted").getIntValue()).isEqualTo(1);
        TandemHttp.Response notGzip = tandem.send("POST", "/v1/events", Map.of("Content-Type", "application/json",
                "Content-Encoding", "gzip"), "[{\"type\":\"click\"}]".getBytes(StandardCharsets.UTF_8));
        assertProblem(notGzip, 400, "body");
        TandemHttp.Response unknownEncoding = tandem.send("POST", "/v1/events", Map.of("Content-Type",
                "application/json", "Content-Encoding", "compress"), "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(unknownEncoding.status()).isEqualTo(415);
        assertThat(unknownEncoding.contentType()).startsWith("application/problem+json");
    }

    @Test
    void paddedIdsAreRefusedInsteadOfTrimmedOntoRealObjects() {
        assertThat(tandem.putJson("/v1/items/victim", "{}").status()).isEqualTo(200);

        assertProblem(tandem.delete("/v1/items/%20victim%20"), 400, "id");
        assertThat(tandem.get("/v1/items/victim").status()).isEqualTo(200);
        assertProblem(tandem.postJson("/v1/models/%20two-stage%20/rollback", ""), 400, "name");
        assertProblem(tandem.postJson("/v1/jobs", "{\"type\":\" train \"}"), 400, "type");
        TandemHttp.Response padded = tandem.postJson("/v1/events",
                "[{\"type\":\"click\",\"userId\":\" u5\",\"itemId\":\"i5\"}]");
        assertProblem(padded, 400, "events[0].userId");
    }

    @Test
    void invalidUtf8AndControlCharactersInIdsAreRefusedInsteadOfCollapsed() {
        assertProblem(tandem.putJson("/v1/items/%FF", "{}"), 400, "path");
        assertProblem(tandem.putJson("/v1/items/%ED%A0%80", "{}"), 400, "path");
        assertProblem(tandem.putJson("/v1/items/a%00b", "{}"), 400, "id");
        assertThat(tandem.get("/v1/items/%EF%BF%BD").status()).as("nothing was written under U+FFFD").isEqualTo(404);
        assertProblem(tandem.postJson("/v1/events", "[{\"type\":\"click\",\"userId\":\"u\\u0000\",\"itemId\":\"i\"}]"),
                400, "events[0].userId");
    }

    @Test
    void inputsThatWereSilentlyMisreadAreRefusedNamingTheField() {
        TandemHttp.Response unknown = tandem.postJson("/v1/events",
                "[{\"type\":\"click\",\"userId\":\"u6\",\"itemId\":\"i6\",\"timestamp\":\"2026-11-01T00:00:00Z\"}]");
        assertProblem(unknown, 400, "events[0].timestamp");
        assertThat(unknown.tree().get("detail").getStringValue()).contains("unknown field 'timestamp'")
                .contains("did you mean 'time'?");
        assertProblem(tandem.postJson("/v1/events",
                "[{\"type\":\"click\",\"userId\":\"u6\",\"itemId\":\"i6\",\"time\":\"1764583200\"}]"), 400, "events[0].time");
        assertProblem(tandem.postJson("/v1/events", "[{\"type\":\"CLICK\",\"userId\":\"u6\",\"itemId\":\"i6\"}]"), 400,
                "events[0].type");
        assertProblem(tandem.postJson("/v1/events", "[{\"type\":\" click \",\"userId\":\"u6\",\"itemId\":\"i6\"}]"), 400,
                "events[0].type");
        assertProblem(tandem.postJson("/v1/events",
                "[{\"id\":\"f6-a\",\"id\":\"f6-b\",\"type\":\"click\",\"userId\":\"u6\",\"itemId\":\"i6\"}]"), 400,
                "events[0].id");

        TandemHttp.Response singular = tandem.putJson("/v1/items/f6-item", "{\"category\":[\"drama\"]}");
        assertProblem(singular, 400, "category");
        assertThat(singular.tree().get("detail").getStringValue()).contains("did you mean 'categories'?");
        assertProblem(tandem.putJson("/v1/items/f6-item", "{\"createdAt\":\"+999999999-01-01T00:00:00Z\"}"), 400,
                "createdAt");
        assertProblem(tandem.putJson("/v1/items/f6-item", "{\"categories\":[\"" + "c".repeat(1 << 20) + "\"]}"), 400,
                "categories");
        assertProblem(tandem.putJson("/v1/items/f6-item", "{\"available\":true,\"available\":false}"), 400,
                "available");
        assertThat(tandem.get("/v1/items/f6-item").status()).as("nothing of the refused items was stored")
                .isEqualTo(404);
    }

    @Test
    void theManagementSurfaceShowsOnlyHealthStatusAndMetricsForPrometheus() {
        for (String path : List.of("/beans", "/routes", "/threaddump", "/metrics", "/info", "/env", "/loggers")) {
            assertThat(tandem.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(tandem.postJson("/refresh", "{}").status()).isEqualTo(404);
        TandemHttp.Response readiness = tandem.get("/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.tree().get("status").getStringValue()).isEqualTo("UP");
        assertThat(readiness.tree().get("details") == null || readiness.tree().get("details").isNull())
                .as(readiness.body()).isTrue();
        assertThat(readiness.body()).doesNotContain("jdbc").doesNotContain("diskSpace").doesNotContain("h2");
        assertThat(tandem.get("/health/liveness").status()).isEqualTo(200);
        assertThat(tandem.get("/prometheus").status()).isEqualTo(200);
    }

    @Test
    void errorBodiesNameNoClassExceptionOrConfigurationKey() {
        List<TandemHttp.Response> answers = List.of(
                tandem.putJson("/v1/items/f7-item", "{\"categories\":\"drama\"}"),
                tandem.putJson("/v1/items/f7-item", "{\"attributes\":[1]}"),
                tandem.putJson("/v1/users/f7-user", "{\"attributes\":{\"k\":{}}}"),
                tandem.postJson("/v1/items:batch", "[{\"itemId\":\"x\",\"categories\":{}}]"),
                tandem.postJson("/v1/rankings", "{\"userId\":\"u\",\"itemIds\":[1]}"),
                tandem.send("POST", "/v1/events", JSON, new byte[(int) maxRequestSize() + 1]));
        assertThat(answers.get(answers.size() - 1).status()).isEqualTo(413);
        for (TandemHttp.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isLessThan(500);
            assertThat(answer.body()).doesNotContainPattern("io\\.tandem|io\\.micronaut|Json\\$|Exception|Error\\b"
                    + "|VALUE_STRING|START_ARRAY|micronaut\\.|tandem\\.[a-z-]+\\.");
        }
    }

    @Test
    void aFailedJobSaysWhyWithoutNamingAnException() throws InterruptedException {
        TandemHttp.Response started = tandem.postJson("/v1/jobs", "{\"type\":\"train\"}");
        assertThat(started.status()).as(started.body()).isIn(202, 409);
        String location = started.status() == 202 ? "/v1/jobs/" + started.tree().get("jobId").getStringValue()
                : started.header("Location");
        JsonNode job = tandem.get(location).tree();
        for (int wait = 0; wait < 600 && !job.get("status").getStringValue().matches("succeeded|failed"); wait++) {
            Thread.sleep(100);
            job = tandem.get(location).tree();
        }

        assertThat(job.get("status").getStringValue()).isEqualTo("failed");
        assertThat(job.get("message").getStringValue()).startsWith("failed: ").doesNotContain("Exception");
    }

    @Test
    void theOneConfiguredBodyLimitIsTheOneEnforced() {
        HttpServerConfiguration server = tandem.context().getBean(HttpServerConfiguration.class);
        long limit = server.getMaxRequestSize();
        assertThat(server.getMaxRequestBufferSize()).isEqualTo(limit);

        byte[] justUnder = new byte[(int) limit - 16];
        java.util.Arrays.fill(justUnder, (byte) ' ');
        byte[] events = "[{\"type\":\"click\",\"userId\":\"u8\",\"itemId\":\"i8\"}]".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(events, 0, justUnder, 0, events.length);
        TandemHttp.Response under = tandem.send("POST", "/v1/events", JSON, justUnder);
        TandemHttp.Response over = tandem.send("POST", "/v1/events", JSON, new byte[(int) limit + 1]);

        assertThat(under.status()).as(under.body()).isEqualTo(202);
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.tree().get("detail").getStringValue()).contains(Long.toString(limit));
    }

    @Test
    void recommendationsHoldOnlyItemsTheCatalogKnows() {
        assertThat(tandem.putJson("/v1/items/f9-real", "{\"categories\":[\"drama\"]}").status()).isEqualTo(200);
        StringBuilder events = new StringBuilder("[");
        for (int user = 0; user < 20; user++) {
            events.append(user == 0 ? "" : ",")
                    .append("{\"type\":\"purchase\",\"userId\":\"f9-u").append(user).append("\",\"itemId\":\"1.5\"},")
                    .append("{\"type\":\"click\",\"userId\":\"f9-u").append(user).append("\",\"itemId\":\"f9-real\"}");
        }
        assertThat(tandem.postJson("/v1/events", events.append(']').toString()).status()).isEqualTo(202);
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();

        List<String> served = new ArrayList<>();
        tandem.get("/v1/users/f9-newcomer/recommendations?count=50").tree().get("items").values()
                .forEach(item -> served.add(item.get("itemId").getStringValue()));

        assertThat(served).contains("f9-real").doesNotContain("1.5");
    }

    private static long maxRequestSize() {
        return tandem.context().getBean(HttpServerConfiguration.class).getMaxRequestSize();
    }

    private static List<String> archivedIds(LocalDate date) throws Exception {
        tandem.context().getBean(LocalLogArchiver.class).drain();
        List<String> ids = new ArrayList<>();
        tandem.context().getBean(ReadLakePort.class).readEvents(date, date, event -> ids.add(event.id().value()));
        return ids;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
