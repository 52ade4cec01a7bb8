package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/events} through real HTTP: each bad input gets its status and a problem naming the field. */
class EventIngestionHttpTest {

    @AutoClose
    private static final TandemHttp tandem = TandemHttp.start(Map.of());

    @Test
    void malformedJsonIsABadRequestNamingTheBody() {
        TandemHttp.Response response = tandem.postJson("/v1/events", "[{\"type\":\"click\",");

        assertProblem(response, 400, "body");
        assertThat(response.tree().get("detail").getStringValue()).startsWith("malformed JSON");
    }

    @Test
    void aBodyThatIsNotAnArrayOfEventsIsABadRequest() {
        assertProblem(tandem.postJson("/v1/events", "\"click\""), 400, "body");
        assertProblem(tandem.postJson("/v1/events", "[]"), 400, "events");
    }

    @Test
    void moreThanTenThousandEventsIsTooLarge() {
        String batch = IntStream.range(0, 10_001)
                .mapToObj(i -> "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));

        TandemHttp.Response response = tandem.postJson("/v1/events", batch);

        assertProblem(response, 413, "events");
        assertThat(response.tree().get("detail").getStringValue()).contains("10000");
    }

    @Test
    void anUnknownEventTypeIsABadRequestNamingTheField() {
        TandemHttp.Response response = tandem.postJson("/v1/events",
                "[{\"type\":\"clik\",\"userId\":\"u1\",\"itemId\":\"i1\"}]");

        assertProblem(response, 400, "events[0].type");
        assertThat(response.tree().get("detail").getStringValue()).contains("clik").contains("click");
    }

    @Test
    void aMissingUserOrItemIdIsABadRequestNamingTheField() {
        assertProblem(tandem.postJson("/v1/events", "[{\"type\":\"click\",\"itemId\":\"i1\"}]"), 400,
                "events[0].userId");
        assertProblem(tandem.postJson("/v1/events", "[{\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"\"}]"),
                400, "events[0].itemId");
    }

    @Test
    void anUnparseableTimestampIsABadRequestNamingTheField() {
        TandemHttp.Response response = tandem.postJson("/v1/events",
                "[{\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\",\"time\":\"21/11/2026 9am\"}]");

        assertProblem(response, 400, "events[0].time");
    }

    @Test
    void aWronglyTypedMemberIsRefusedForThatEventOnly() {
        TandemHttp.Response response = tandem.postJson("/v1/events",
                "[{\"type\":\"click\",\"userId\":{\"id\":1},\"itemId\":\"i1\"},"
                        + "{\"id\":\"typed-ok\",\"type\":\"view\",\"userId\":42,\"itemId\":\"i1\",\"value\":12}]");

        assertThat(response.status()).isEqualTo(202);
        JsonNode rejected = response.tree().get("rejected");
        assertThat(rejected.size()).isEqualTo(1);
        assertThat(rejected.get(0).get("field").getStringValue()).isEqualTo("userId");
        assertThat(response.tree().get("accepted").getIntValue()).isEqualTo(1);
    }

    @Test
    void aMixedBatchKeepsTheGoodEventsAndListsTheBadOnesByIndex() {
        TandemHttp.Response response = tandem.postJson("/v1/events", "["
                + "{\"id\":\"mixed-1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\"},"
                + "{\"id\":\"mixed-2\",\"type\":\"nope\",\"userId\":\"u1\",\"itemId\":\"i2\"},"
                + "{\"id\":\"mixed-3\",\"type\":\"like\",\"userId\":\"u1\",\"itemId\":\"i3\",\"time\":\"2026-11-20T08:00:00Z\"},"
                + "{\"id\":\"mixed-4\",\"type\":\"rating\",\"userId\":\"u1\",\"itemId\":\"i4\"},"
                + "42]");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.tree();
        assertThat(body.get("accepted").getIntValue()).isEqualTo(2);
        assertThat(body.get("duplicates").getIntValue()).isZero();
        JsonNode rejected = body.get("rejected");
        assertThat(rejected.size()).isEqualTo(3);
        assertThat(rejected.get(0).get("index").getIntValue()).isEqualTo(1);
        assertThat(rejected.get(0).get("field").getStringValue()).isEqualTo("type");
        assertThat(rejected.get(1).get("index").getIntValue()).isEqualTo(3);
        assertThat(rejected.get(1).get("field").getStringValue()).isEqualTo("value");
        assertThat(rejected.get(2).get("index").getIntValue()).isEqualTo(4);
        assertThat(rejected.get(2).get("field").getStringValue()).isEqualTo("event");
    }

    @Test
    void aRepeatedEventIdIsCountedOnce() {
        String event = "{\"id\":\"dup-1\",\"type\":\"purchase\",\"userId\":\"u9\",\"itemId\":\"i9\",\"value\":9.5}";

        TandemHttp.Response first = tandem.postJson("/v1/events", "[" + event + "," + event + "]");
        TandemHttp.Response second = tandem.postJson("/v1/events", event);

        assertThat(first.tree().get("accepted").getIntValue()).isEqualTo(1);
        assertThat(first.tree().get("duplicates").getIntValue()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.tree().get("accepted").getIntValue()).isZero();
        assertThat(second.tree().get("duplicates").getIntValue()).isEqualTo(1);
        assertThat(second.tree().get("rejected").isArray()).as("an empty rejected list is still a list").isTrue();
    }

    @Test
    void aNonJsonContentTypeIsUnsupportedAndStillAProblem() {
        TandemHttp.Response response = tandem.post("/v1/events", "text/plain", "click");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void unknownRoutesAnswerWithAProblemToo() {
        TandemHttp.Response response = tandem.get("/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
