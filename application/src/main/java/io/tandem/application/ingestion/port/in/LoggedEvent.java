package io.tandem.application.ingestion.port.in;

import io.tandem.domain.interaction.Event;

import java.util.Objects;

/** An event read back from the event log, with where it sits there (partition and offset). */
public record LoggedEvent(int partition, long offset, Event event) {

    public LoggedEvent {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must not be negative");
        }
        Objects.requireNonNull(event, "event");
    }
}
