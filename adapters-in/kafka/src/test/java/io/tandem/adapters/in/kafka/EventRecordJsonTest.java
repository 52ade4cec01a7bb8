package io.tandem.adapters.in.kafka;

import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.EventValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecordJsonTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-02T10:00:00Z");

    @Test
    void aFullEventIsReadMemberByMember() {
        Event event = valid("{\"id\":\"e1\",\"type\":\"view\",\"userId\":\"u1\",\"itemId\":\"i9\","
                + "\"time\":\"2025-03-01T09:30:00Z\",\"value\":12.5,"
                + "\"context\":{\"surface\":\"home\",\"requestId\":\"r7\",\"position\":3}}");

        assertThat(event.id().value()).isEqualTo("e1");
        assertThat(event.type()).isEqualTo(EventType.VIEW);
        assertThat(event.user().value()).isEqualTo("u1");
        assertThat(event.item().value()).isEqualTo("i9");
        assertThat(event.time()).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
        assertThat(event.value()).hasValue(12.5);
        assertThat(event.context().surface()).hasValue("home");
        assertThat(event.context().requestId()).hasValue("r7");
        assertThat(event.context().position()).hasValue(3);
    }

    @Test
    void numericIdsAndEpochMillisecondTimesAreAccepted() {
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
    void anEventWithoutTimeIsStampedWithTheRecordTime() {
        Event event = valid("{\"id\":\"e1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\"}");

        assertThat(event.time()).isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "this is {not json                                          | event",
        "[{\"type\":\"click\"}]                                     | event",
        "\"click\"                                                  | event",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\"} tail | event",
        "{\"type\":\"teleport\",\"userId\":\"u\",\"itemId\":\"i\"}   | type",
        "{\"type\":1,\"userId\":\"u\",\"itemId\":\"i\"}             | type",
        "{\"type\":\"click\",\"itemId\":\"i\"}                      | userId",
        "{\"type\":\"click\",\"userId\":{},\"itemId\":\"i\"}        | userId",
        "{\"type\":\"rating\",\"userId\":\"u\",\"itemId\":\"i\",\"value\":\"5\"}  | value",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":[]}    | context",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"context\":{\"position\":\"2\"}} | context.position",
        "{\"type\":\"click\",\"userId\":\"u\",\"itemId\":\"i\",\"time\":\"yesterday\"}          | time"})
    void badRecordsAreInvalidNamingTheField(String json, String field) {
        EventValidation verdict = EventRecordJson.submission(json.getBytes(StandardCharsets.UTF_8)).validate(RECEIVED);

        assertThat(verdict).isInstanceOfSatisfying(EventValidation.Invalid.class, invalid -> {
            assertThat(invalid.field()).isEqualTo(field);
            assertThat(invalid.message()).isNotBlank();
        });
    }

    @Test
    void anEmptyRecordIsUnreadable() {
        assertThat(EventRecordJson.submission(null)).isInstanceOf(EventSubmission.Unreadable.class);
        assertThat(EventRecordJson.submission(new byte[0])).isInstanceOf(EventSubmission.Unreadable.class);
    }

    private static Event valid(String json) {
        EventValidation verdict = EventRecordJson.submission(json.getBytes(StandardCharsets.UTF_8)).validate(RECEIVED);
        assertThat(verdict).isInstanceOf(EventValidation.Valid.class);
        return ((EventValidation.Valid) verdict).event();
    }
}
