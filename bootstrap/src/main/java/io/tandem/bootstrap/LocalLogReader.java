package io.tandem.bootstrap;

import io.tandem.domain.interaction.Event;

import java.util.List;

/**
 * Reads an in-process event log from an offset to its end, in batches of consecutive offsets: how its consumers
 * (the lake archiver, the online features) catch up after their store failed (ADR-0020).
 */
@FunctionalInterface
interface LocalLogReader {

    void read(long fromOffset, int batchSize, Batches batches);

    /** Receives one batch of consecutive log records. */
    @FunctionalInterface
    interface Batches {

        void accept(long firstOffset, List<Event> events);
    }
}
