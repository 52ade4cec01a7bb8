package io.tandem.domain.interaction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tandem.domain.TimeWindow;

import java.time.Instant;

import static io.tandem.domain.interaction.EventSubmissionFixture.aClick;
import static org.assertj.core.api.Assertions.assertThat;

class EventSubmissionTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T10:00:00Z");
    private static final TimeWindow WINDOW = TimeWindow.DEFAULT;

    @Test
    void aCompleteSubmissionBecomesAnEvent() {
        Event event = valid(aClick().type("rating").value("4.5").position("3").build());

        assertThat(event.id().value()).isEqualTo("e1");
        assertThat(event.type()).isEqualTo(EventType.RATING);
        assertThat(event.user().value()).isEqualTo("u1");
        assertThat(event.item().value()).isEqualTo("i1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(event.value()).hasValue(4.5);
        assertThat(event.context().surface()).hasValue("home");
        assertThat(event.context().position()).hasValue(3);
    }

    @ParameterizedTest(name = "{0}={1} is refused on field {2}")
    @CsvSource(delimiter = '|', value = {
            "type     | ''                  | type",
            "type     | clik                | type",
            "userId   | ''                  | userId",
            "itemId   | '   '               | itemId",
            "itemId   | ' i1'               | itemId",
            "userId   | 'u1 '               | userId",
            "type     | CLICK               | type",
            "type     | ' click '           | type",
            "type     | add_to_cart         | type",
            "time     | 1763715600000       | time",
            "time     | ''                  | time",
            "time     | 1969-12-31T23:59:59Z| time",
            "time     | -300000-01-01T00:00:00Z | time",
            "time     | -999999999-01-01T00:00:00Z | time",
            "value    | ' 4'                | value",
            "position | 1000001             | context.position",
            "time     | yesterday           | time",
            "time     | 2026-13-01T00:00:00Z| time",
            "time     | 2030-01-01T00:00:00Z| time",
            "value    | abc                 | value",
            "position | 0                   | context.position",
            "position | first               | context.position",
    })
    void badFieldsAreRefusedWithTheFieldNamed(String member, String text, String field) {
        EventSubmissionFixture fixture = aClick();
        switch (member) {
            case "type" -> fixture.type(text);
            case "userId" -> fixture.userId(text);
            case "itemId" -> fixture.itemId(text);
            case "time" -> fixture.time(text);
            case "value" -> fixture.value(text);
            case "position" -> fixture.position(text);
            default -> throw new IllegalArgumentException(member);
        }

        EventValidation validation = fixture.build().validate(WINDOW, RECEIVED);

        assertThat(validation).isInstanceOf(EventValidation.Invalid.class);
        assertThat(((EventValidation.Invalid) validation).field()).isEqualTo(field);
    }

    @Test
    void anUnknownTypeIsNamedAndTheKnownOnesListed() {
        EventValidation.Invalid invalid = (EventValidation.Invalid) aClick().type("clik").build().validate(WINDOW, RECEIVED);

        assertThat(invalid.message()).contains("'clik'").contains("add-to-cart").contains("purchase");
    }

    @Test
    void aRatingNeedsAValueInRange() {
        assertThat(aClick().type("rating").build().validate(WINDOW, RECEIVED)).isInstanceOf(EventValidation.Invalid.class);
        assertThat(aClick().type("rating").value("11").build().validate(WINDOW, RECEIVED))
                .isInstanceOf(EventValidation.Invalid.class);
        assertThat(aClick().type("view").value("-3").build().validate(WINDOW, RECEIVED))
                .isInstanceOf(EventValidation.Invalid.class);
    }

    @Test
    void timeIsAnOffsetDateTimeAndDefaultsToReceipt() {
        assertThat(valid(aClick().time("2026-11-21T10:00:00+01:00").build()).time())
                .isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(valid(aClick().time(null).build()).time()).isEqualTo(RECEIVED);
    }

    @Test
    void digitsAsTextAreNotReadAsATimeAndTheMessageSaysHowToSendThem() {
        EventValidation.Invalid invalid = (EventValidation.Invalid) aClick().time("1764583200").build()
                .validate(WINDOW, RECEIVED);

        assertThat(invalid.field()).isEqualTo("time");
        assertThat(invalid.message()).contains("as a number");
    }

    @Test
    void theTimeWindowIsConfigurable() {
        TimeWindow old = new TimeWindow(Instant.parse("1900-01-01T00:00:00Z"), java.time.Duration.ZERO);

        assertThat(aClick().time("1950-01-01T00:00:00Z").build().validate(old, RECEIVED))
                .isInstanceOf(EventValidation.Valid.class);
        assertThat(aClick().time("2026-11-21T10:00:01Z").build().validate(old, RECEIVED))
                .isInstanceOf(EventValidation.Invalid.class);
        assertThat(aClick().time("2026-11-22T09:59:59Z").build().validate(WINDOW, RECEIVED))
                .isInstanceOf(EventValidation.Valid.class);
    }

    @Test
    void wireNamesAreExact() {
        assertThat(valid(aClick().type("add-to-cart").build()).type()).isEqualTo(EventType.ADD_TO_CART);
    }

    @Test
    void contextTextIsBoundedLikeAnId() {
        EventValidation.Invalid invalid = (EventValidation.Invalid) aClick().requestId("r".repeat(65_536)).build()
                .validate(WINDOW, RECEIVED);

        assertThat(invalid.field()).isEqualTo("context.requestId");
        assertThat(invalid.message()).contains("256 bytes");
    }

    @Test
    void anEventWithoutIdGetsAStableIdFromItsContent() {
        Event first = valid(aClick().id(null).build());
        Event retried = valid(aClick().id(null).build());
        Event other = valid(aClick().id(null).itemId("i2").build());

        assertThat(first.id()).isEqualTo(retried.id());
        assertThat(first.id()).isNotEqualTo(other.id());
        assertThat(first.id().value()).startsWith("auto-");
        assertThat(aClick().id("  ").build().validate(WINDOW, RECEIVED)).as("a blank id is refused, not replaced")
                .isInstanceOf(EventValidation.Invalid.class);
    }

    @Test
    void anUnreadableSubmissionKeepsItsFieldAndMessage() {
        EventValidation validation = new EventSubmission.Unreadable("userId", "must be a string").validate(WINDOW, RECEIVED);

        assertThat(validation).isEqualTo(new EventValidation.Invalid("userId", "must be a string"));
    }

    private static Event valid(EventSubmission submission) {
        EventValidation validation = submission.validate(WINDOW, RECEIVED);
        assertThat(validation).isInstanceOf(EventValidation.Valid.class);
        return ((EventValidation.Valid) validation).event();
    }
}
