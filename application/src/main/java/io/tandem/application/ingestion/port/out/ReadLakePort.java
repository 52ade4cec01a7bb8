package io.tandem.application.ingestion.port.out;

import io.tandem.domain.interaction.Event;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Reads events back from the data lake, partition by partition in date order, for replay and checks. */
@FunctionalInterface
public interface ReadLakePort {

    /** Hands every event of the dates {@code from}..{@code to} (inclusive) to {@code consumer}. */
    void readEvents(LocalDate from, LocalDate to, Consumer<Event> consumer);
}
