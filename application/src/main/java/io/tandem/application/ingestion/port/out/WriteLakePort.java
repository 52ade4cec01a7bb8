package io.tandem.application.ingestion.port.out;

import io.tandem.domain.interaction.Event;

import java.util.List;

/**
 * Writes a batch of events to the data lake as Parquet, partitioned by event date
 * ({@code events/date=YYYY-MM-DD/part-<batchId>.parquet}). Writing the same {@code batchId} again replaces
 * those files, so an archiver that re-reads the log after a crash writes nothing twice.
 */
@FunctionalInterface
public interface WriteLakePort {

    /** @param batchId a stable name for the batch, such as the log offsets it covers ({@code [A-Za-z0-9_-]+}) */
    void write(String batchId, List<Event> events);
}
