package io.tandem.adapters.shared.json;

import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.EventValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class EventWireFormatTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-02T10:00:00Z");

    @Test
    void aFullEventIsReadMemberByMember() {
        Event event = valid("{\"id\":\"e1\",\"type\":\"view\",\"userId\":\"u1\",\"itemId\":\"i9\","
                + "\"time\":\"2025-03-01T09:30:00Z\",\"value\":12.5,"
                + "\"context\":{\"surface\":\"home\",\"requestId\":\"r7\",\"position\":3}}");

        assertThat(event).isEqualTo(new Event(new EventId("e1"), EventType.VIEW, new UserId("u1"), new ItemId("i9"),
                Instant.parse("2025-03-01T09:30:00Z"), OptionalDouble.of(12.5),
                new EventContext(Optional.of("home"), Optional.of("r7"), OptionalInt.of(3))));
    }

    @Test
    void wholeNumberIdsAndEpochMillisecondNumbersAreAccepted() {
        Event event = valid("{\"id\":42,\"type\":\"rating\",\"userId\":7,\"itemId\":1001,\"time\":1740818400000,"
                + "\"value\":4,\"context\":{\"requestId\":99}}");

        assertThat(event.id().value()).isEqualTo("42");
        assertThat(event.user().value()).isEqualTo("7");
        assertThat(event.item().value()).isEqualTo("1001");
        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(1_740_818_400_000L));
        assertThat(event.value()).hasValue(4.0);
        assertThat(event.context().requestId()).hasValue("99");
    }

    @Test
    void anEventWithoutTimeIsStampedWithTheReceivingTime() {
        assertThat(valid("{\"id\":\"e1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\"}").time())
                .isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "this is {not json                                          | event",
        "[{\"type\":\"click\"}]                                     | event",
        "\"click\"                                                  | event",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"} tail | event",
        "{\"type\":\"teleport\",\"userId\":\"u\",\"itemId\":\"i\"}   | type",
        "{\"type\":\"CLICK\",\"userId\":\"u\",\"itemId\":\"i\"}      | type",
        "{\"type\":1,\"userId\":\"u\",\"itemId\":\"i\"}             | type",
        "{\"type\":\"click\",\"itemId\":\"i\"}                      | userId",
        "{\"type\":\"click\",\"userId\":{},\"itemId\":\"i\"}        | userId",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":1.5}        | itemId",
        "{\"type\":\"click\",\"userId\":\"u \",\"itemId\":\"i\"}     | userId",
        "{\"type\":\"rating\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":\"5\"}  | value",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":[]}    | context",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"position\":\"2\"}} | context.position",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"position\":2.5}} | context.position",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"rank\":2}} | context.rank",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":\"yesterday\"}          | time",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":\"1764583200\"}         | time",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":1764583200.5}           | time",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":99999999999999999999}   | time",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":-62135596800001}         | time",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":\"2025-01-01T00:00:00Z\"} | timestamp",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"id\":\"a\",\"id\":\"b\"}       | id"})
    void badRecordsAreInvalidNamingTheField(String json, String field) {
        EventValidation verdict = EventWireFormat.record(json.getBytes(StandardCharsets.UTF_8))
                .validate(TimeWindow.DEFAULT, RECEIVED);

        assertThat(verdict).isInstanceOfSatisfying(EventValidation.Invalid.class, invalid -> {
            assertThat(invalid.field()).isEqualTo(field);
            assertThat(invalid.message()).isNotBlank().doesNotContain("Exception").doesNotContain("com.fasterxml");
        });
    }

    @Test
    void theHintForAMisnamedFieldPointsAtTheFieldMeant() {
        EventValidation.Invalid invalid = (EventValidation.Invalid) EventWireFormat.record(
                "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":1}".getBytes(StandardCharsets.UTF_8))
                .validate(TimeWindow.DEFAULT, RECEIVED);

        assertThat(invalid.message()).startsWith("unknown field 'timestamp'; did you mean 'time'?");
    }

    @Test
    void aBatchKeepsEachElementsVerdictApart() {
        List<EventSubmission> batch = EventWireFormat.batch(StrictJson.parse("body", ("["
                + "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"},"
                + "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"x\":1},"
                + "42]").getBytes(StandardCharsets.UTF_8)));

        assertThat(batch).hasSize(3);
        assertThat(batch.get(0)).isInstanceOf(EventSubmission.Fields.class);
        assertThat(batch.get(1)).isEqualTo(new EventSubmission.Unreadable("x",
                "unknown field 'x'. Known fields: id, type, userId, itemId, time, value, context."));
        assertThat(batch.get(2)).isInstanceOf(EventSubmission.Unreadable.class);
    }

    @Test
    void anEmptyRecordIsUnreadable() {
        assertThat(EventWireFormat.record(null)).isInstanceOf(EventSubmission.Unreadable.class);
        assertThat(EventWireFormat.record(new byte[0])).isInstanceOf(EventSubmission.Unreadable.class);
    }

    @Test
    void writesEveryMemberOfAFullEvent() {
        Event event = new Event(new EventId("e-1"), EventType.ADD_TO_CART, new UserId("u-1"), new ItemId("i-9"),
                Instant.parse("2026-11-21T09:30:00Z"), OptionalDouble.of(19.5),
                new EventContext(Optional.of("home"), Optional.of("r-7"), OptionalInt.of(3)));

        assertThat(new String(EventWireFormat.encode(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"e-1\",\"type\":\"add-to-cart\",\"userId\":\"u-1\",\"itemId\":\"i-9\","
                        + "\"time\":\"2026-11-21T09:30:00Z\",\"value\":19.5,"
                        + "\"context\":{\"surface\":\"home\",\"requestId\":\"r-7\",\"position\":3}}");
    }

    @Test
    void writesOnlyThePresentContextMembersWithoutStrayCommas() {
        Event event = new Event(new EventId("e"), EventType.IMPRESSION, new UserId("u"), new ItemId("i"),
                Instant.EPOCH, OptionalDouble.empty(), new EventContext(Optional.empty(), Optional.empty(),
                OptionalInt.of(2)));

        assertThat(new String(EventWireFormat.encode(event), StandardCharsets.UTF_8))
                .endsWith(",\"context\":{\"position\":2}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote\"", "back\\slash", "slash/", "in ner", "line\u2028para\u2029end",
            "é中", "😀 astral", "\uFFFD"})
    void whatItWritesItReadsBackUnchanged(String text) {
        Event event = new Event(new EventId("id " + text), EventType.RATING, new UserId("user " + text),
                new ItemId("item " + text), Instant.parse("2026-11-21T09:30:00.123456789Z"), OptionalDouble.of(4.5),
                new EventContext(Optional.of("surface " + text), Optional.of("request " + text), OptionalInt.of(7)));

        byte[] encoded = EventWireFormat.encode(event);

        assertThat(EventWireFormat.record(encoded).validate(TimeWindow.DEFAULT, Instant.parse("2026-11-22T00:00:00Z")))
                .isEqualTo(new EventValidation.Valid(event));
        assertThat(new String(encoded, StandardCharsets.UTF_8).chars().noneMatch(c -> c < 0x20)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 4.0, 4.5, 0.1, 1e-7, 123456789.125, 999999999999.5, 1e12})
    void writesNumbersThatParseBackToTheSameDouble(double value) {
        Event event = new Event(new EventId("e"), EventType.VIEW, new UserId("u"), new ItemId("i"), Instant.EPOCH,
                OptionalDouble.of(value), EventContext.NONE);

        EventValidation verdict = EventWireFormat.record(EventWireFormat.encode(event))
                .validate(TimeWindow.DEFAULT, RECEIVED);

        assertThat(verdict).isEqualTo(new EventValidation.Valid(event));
    }

    @Test
    void writesWholeNumbersWithoutAFraction() {
        StringBuilder json = new StringBuilder();
        JsonText.appendNumber(json, 4.0);
        json.append(' ');
        JsonText.appendNumber(json, 1e20);

        assertThat(json).hasToString("4 1.0E20");
    }

    private static Event valid(String json) {
        EventValidation verdict = EventWireFormat.record(json.getBytes(StandardCharsets.UTF_8))
                .validate(TimeWindow.DEFAULT, RECEIVED);
        assertThat(verdict).isInstanceOf(EventValidation.Valid.class);
        return ((EventValidation.Valid) verdict).event();
    }
}
