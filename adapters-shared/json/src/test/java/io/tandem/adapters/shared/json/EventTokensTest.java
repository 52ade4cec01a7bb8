package io.tandem.adapters.shared.json;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The token reader takes exactly what the strict reader would read the same way, and leaves the rest to it. */
class EventTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"e1\",\"type\":\"view\",\"userId\":\"u1\",\"itemId\":\"i9\",\"time\":\"2025-03-01T09:30:00Z\","
                + "\"value\":12.5,\"context\":{\"surface\":\"home\",\"requestId\":\"r7\",\"position\":3}}",
        "{\"context\":{\"position\":3,\"surface\":\"s\"},\"itemId\":\"i\",\"userId\":\"u\",\"type\":\"click\"}",
        " { \"id\" : 42 , \"type\":\"rating\",\"userId\":7,\"itemId\":1001,\"value\":4,\"context\":{\"requestId\":99}} ",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":null,\"context\":null,\"time\":null}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{}}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":-1.5e-3}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":1E+2,\"context\":{\"position\":0}}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":1.0E-5}",
        "\t{\r\n\"type\" :\"click\" ,\"userId\":\"u~\u007f\",\"itemId\":-0 , \"context\" : { } }\n",
        "{\"type\":\"teleport\",\"userId\":\"u \",\"itemId\":\"\",\"time\":\"yesterday\",\"value\":-0}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"position\":2.5}}",
        "{}"})
    void whatItReadsEqualsWhatTheStrictReaderReads(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        EventSubmission.Fields plain = EventTokens.record(bytes);

        assertThat(plain).isNotNull().isEqualTo(EventWireFormat.submission(StrictJson.parse("event", bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "this is {not json",
        "",
        "\"click\"",
        "[{\"type\":\"click\"}]",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"} tail",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":\"2025-01-01T00:00:00Z\"}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"id\":\"a\",\"id\":\"b\"}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"id\":\"a\",\"id\":null}",
        "{\"type\":1,\"userId\":\"u\",\"itemId\":\"i\"}",
        "{\"type\":\"click\",\"userId\":{},\"itemId\":\"i\"}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":1.5}",
        "{\"type\":\"rating\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":\"5\"}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":[]}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"rank\":2}}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"position\":1,\"position\":2}}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"position\":\"2\"}}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":1764583200000}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"flag\":true}",
        "{\"type\":\"click\",\"userId\":\"u\\u00e9\",\"itemId\":\"i\"}",
        "{\"type\":\"click\",\"userId\":\"é中😀\",\"itemId\":\"i\"}",
        "{\"t\\u0079pe\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":01}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":1.}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":12a}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":nul}",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"",
        "{\"type\":\"click\",\"userId\":\"u\tv\",\"itemId\":\"i\"}"})
    void anythingElseIsLeftToTheStrictReader(String json) {
        assertThat(EventTokens.record(json.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void invalidUtf8IsLeftToTheStrictReader() {
        byte[] latin1 = "{\"type\":\"click\",\"userId\":\"caf\u00e9\",\"itemId\":\"i\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(EventTokens.record(latin1)).isNull();
        assertThat(EventTokens.record(null)).isNull();
    }

    @Test
    void everyRecordTheLogWriterWritesIsReadWithoutTheTree() {
        Event event = new Event(new EventId("e 1"), EventType.ADD_TO_CART, new UserId("u-1"),
                new ItemId("i/9"), Instant.parse("2026-11-21T09:30:00.123456Z"), OptionalDouble.of(19.5),
                new EventContext(Optional.of("home"), Optional.of("r-7"), OptionalInt.of(3)));
        byte[] encoded = EventWireFormat.encode(event);

        assertThat(EventTokens.record(encoded)).isNotNull()
                .isEqualTo(EventWireFormat.submission(StrictJson.parse("event", encoded)));
    }

    @Test
    void recordsWithEscapesOrNonAsciiTextAreLeftToTheStrictReader() {
        Event event = new Event(new EventId("e \"1\""), EventType.CLICK, new UserId("u-1"), new ItemId("i\u2028é"),
                Instant.parse("2026-11-21T09:30:00Z"), OptionalDouble.empty(), EventContext.NONE);

        assertThat(EventTokens.record(EventWireFormat.encode(event))).isNull();
    }

    @Test
    void aBatchIsReadElementByElementOrLeftWhole() {
        String first = "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"}";
        String second = "{\"id\":\"e2\",\"type\":\"view\",\"userId\":\"u\",\"itemId\":\"j\",\"value\":3}";
        byte[] array = ("[" + first + "," + second + "]").getBytes(StandardCharsets.UTF_8);

        assertThat(EventTokens.batch(array))
                .isEqualTo(EventWireFormat.batch(StrictJson.parse("body", array)));
        assertThat(EventTokens.batch(first.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(List.of(EventWireFormat.submission(StrictJson.parse("body",
                        first.getBytes(StandardCharsets.UTF_8)))));
        assertThat(EventTokens.batch("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EventTokens.batch(("[" + first + ",42]").getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventTokens.batch(("[" + first + ",{\"x\":1}]").getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventTokens.batch(("[" + first + "] []").getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventTokens.batch("42".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventTokens.batch(new byte[0])).isNull();
        assertThat(EventTokens.batch(("[" + first + "," + first + ",]").getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventTokens.batch((" [ " + first + " ,\n" + second + " ] ").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(EventWireFormat.batch(StrictJson.parse("body", array)));
    }
}
