package io.tandem.application.ingestion.port.in;

import java.util.List;
import java.util.OptionalLong;

/**
 * Copies the event log into the data lake, exactly once per event even across crashes, for any event log
 * (local or Kafka). Callers feed records partition by partition in offset order and commit only the offsets
 * this use case returns.
 */
public interface ArchiveEventsUseCase {

    /**
     * Adds records of one partition, in offset order, and writes every chunk they complete.
     *
     * @return the offset the caller may commit for this partition: everything before it is in the lake
     */
    long archive(int partition, List<LoggedEvent> records);

    /** Writes every open chunk as it stands, so the lake is fresh when the log goes quiet. */
    void flushOpenChunks();

    /** Forgets a partition's open chunk (the log moved it elsewhere); returns its committable offset, if any. */
    OptionalLong release(int partition);
}
