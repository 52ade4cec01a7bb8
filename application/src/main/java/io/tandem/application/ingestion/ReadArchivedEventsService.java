package io.tandem.application.ingestion;

import io.tandem.application.ingestion.port.in.ReadArchivedEventsQuery;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.ingestion.port.out.ReadLakePort;
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
