package io.tandem.application.ingestion.port.out;

import io.tandem.domain.interaction.Event;

import java.util.List;

/** Appends events to the durable event log; returns only once they are durable. */
@FunctionalInterface
public interface AppendEventsPort {

    /** @throws io.tandem.domain.interaction.EventLogUnavailableException when the log cannot take the events now */
    void append(List<Event> events);
}
