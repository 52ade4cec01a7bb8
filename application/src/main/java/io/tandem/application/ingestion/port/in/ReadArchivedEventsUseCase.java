package io.tandem.application.ingestion.port.in;

import io.tandem.domain.interaction.Event;

import java.util.function.Consumer;

/** Reads events back from the data lake, for checks, benchmarks and replay. */
@FunctionalInterface
public interface ReadArchivedEventsUseCase {

    void read(ReadArchivedEventsQuery query, Consumer<Event> consumer);
}
