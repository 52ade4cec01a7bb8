package io.tandem.application.service;

import io.tandem.application.port.in.ReadArchivedEventsQuery;
import io.tandem.application.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.port.out.ReadLakePort;
import io.tandem.domain.interaction.Event;

import java.util.Objects;
import java.util.function.Consumer;

/** Reads the lake through its port. */
public final class ReadArchivedEventsService implements ReadArchivedEventsUseCase {

    private final ReadLakePort readLake;

    public ReadArchivedEventsService(ReadLakePort readLake) {
        this.readLake = Objects.requireNonNull(readLake, "readLake");
    }

    @Override
    public void read(ReadArchivedEventsQuery query, Consumer<Event> consumer) {
        readLake.readEvents(query.from(), query.to(), consumer);
    }
}
