package io.tandem.adapters.in.cli.imports;

import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.EventSubmission;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the lines of an NDJSON events file with the shared event wire format
 * ({@code {"id","type","userId","itemId","time","value","context":{"surface","requestId","position"}}}), so a
 * line is accepted exactly when {@code POST /v1/events} and the Kafka topic would accept the same JSON, and refused
 * with the same message when not.
 */
final class EventJsonLine implements LineParser<EventSubmission> {

    /** Blank lines hold no event; a line that is not a JSON event object throws, naming the field at fault. */
    @Override
    public Optional<EventSubmission> parse(long number, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        EventSubmission submission = EventWireFormat.record(text.getBytes(StandardCharsets.UTF_8));
        if (submission instanceof EventSubmission.Unreadable unreadable) {
            throw new InvalidFieldException(unreadable.field(), unreadable.message());
        }
        return Optional.of(submission);
    }
}
