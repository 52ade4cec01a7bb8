package io.tandem.adapters.in.kafka;

import io.tandem.application.ingestion.port.in.ArchiveEventsUseCase;
import io.tandem.application.ingestion.port.in.LoggedEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Copies the event log into the data lake exactly once: it commits only the offsets {@link ArchiveEventsUseCase}
 * returns (the start of each partition's open chunk), writes the open chunks when the log goes quiet, and gives a
 * partition's open chunk up when the partition leaves.
 */
public final class LakeArchiver implements EventLogHandler {

    /** The consumer group of this purpose, unless configured otherwise. */
    public static final String DEFAULT_GROUP_ID = "tandem.lake-archiver";

    private final ArchiveEventsUseCase archiveEvents;
    /** Partitions that have given the archiver at least one event since they were assigned or released. */
    private final Set<Integer> withOpenChunk = new HashSet<>();

    public LakeArchiver(ArchiveEventsUseCase archiveEvents) {
        this.archiveEvents = Objects.requireNonNull(archiveEvents, "archiveEvents");
    }

    @Override
    public OptionalLong handle(int partition, List<LoggedEvent> events, long nextOffset) {
        if (!events.isEmpty()) {
            long committable = archiveEvents.archive(partition, events);
            withOpenChunk.add(partition);
            return OptionalLong.of(committable);
        }
        if (withOpenChunk.contains(partition)) {
            // The open chunk did not change; its start is still the limit.
            return OptionalLong.empty();
        }
        // Every record from the committed offset to nextOffset was dead-lettered, and the committed offset never
        // has a valid event of its chunk before it; so neither has nextOffset, and resuming there still rebuilds
        // its chunk whole. Committing it keeps dead letters from being re-sent after a restart.
        return OptionalLong.of(nextOffset);
    }

    @Override
    public void flush() {
        archiveEvents.flushOpenChunks();
    }

    @Override
    public OptionalLong release(int partition) {
        withOpenChunk.remove(partition);
        return archiveEvents.release(partition);
    }

    @Override
    public String toString() {
        return "lake archiver";
    }
}
