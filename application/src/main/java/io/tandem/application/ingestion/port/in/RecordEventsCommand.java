package io.tandem.application.ingestion.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.EventSubmission;

import java.util.List;
import java.util.Objects;

/** A batch of raw event submissions, between one and {@value #MAX_EVENTS} of them. */
public record RecordEventsCommand(List<EventSubmission> submissions) {

    public static final int MAX_EVENTS = 10_000;

    public RecordEventsCommand {
        Objects.requireNonNull(submissions, "submissions");
        if (submissions.isEmpty()) {
            throw new InvalidFieldException("events", "must hold at least one event");
        }
        if (submissions.size() > MAX_EVENTS) {
            throw new TooManyEventsException(submissions.size(), MAX_EVENTS);
        }
        submissions = List.copyOf(submissions);
    }
}
