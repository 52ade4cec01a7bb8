package io.tandem.adapters.in.cli.imports;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.EventSubmission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonLineTest {

    private final EventJsonLine parser = new EventJsonLine();

    @Test
    void readsEveryWireFieldAndNumericIds() {
        EventSubmission submission = parser.parse(1, "{\"id\":17,\"type\":\"view\",\"userId\":\"u1\",\"itemId\":42,"
                + "\"time\":1767261600000,\"value\":12.5,\"context\":{\"surface\":\"home\",\"requestId\":9,"
                + "\"position\":2}}").orElseThrow();

        assertThat(submission).isEqualTo(new EventSubmission.Fields("17", "view", "u1", "42",
                "2026-01-01T10:00:00Z", "12.5", "home", "9", "2"));
    }

    @Test
    void absentAndNullFieldsAreLeftToTheDomain() {
        assertThat(parser.parse(1, "{\"type\":\"click\",\"userId\":null,\"context\":null}")).contains(
                new EventSubmission.Fields(null, "click", null, null, null, null, null, null, null));
    }

    @Test
    void blankLinesHoldNoEvent() {
        assertThat(parser.parse(1, "   ")).isEmpty();
    }

    @Test
    void namesTheFieldOfALineThatIsNotAnEvent() {
        assertField("not json", "event");
        assertField("{\"type\":\"click\"} trailing", "event");
        assertField("42", "event");
        assertField("{\"type\":[\"click\"]}", "type");
        assertField("{\"userId\":true}", "userId");
        assertField("{\"value\":\"4\"}", "value");
        assertField("{\"context\":\"home\"}", "context");
        assertField("{\"context\":{\"position\":\"first\"}}", "context.position");
        assertField("{\"timestamp\":\"2026-01-01T00:00:00Z\"}", "timestamp");
        assertField("{\"type\":\"click\",\"type\":\"view\"}", "type");
    }

    private void assertField(String line, String field) {
        assertThatThrownBy(() -> parser.parse(1, line)).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
