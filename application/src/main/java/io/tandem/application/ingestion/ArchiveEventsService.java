package io.tandem.application.ingestion;

import io.tandem.application.ingestion.port.in.ArchiveEventsUseCase;
import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.domain.interaction.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Archives the event log in chunks of fixed offset ranges: chunk {@code k} of partition {@code p} holds the
 * events at offsets {@code [k * chunkSize, (k + 1) * chunkSize)} and is written as batch {@code p<p>-c<k>}.
 *
 * <p>Why this gives exactly once: a chunk's content depends only on the log, never on how polls happened to
 * split it, and an open chunk is only ever re-written whole and grown. The committable offset never passes
 * the start of the open chunk, so after a crash the caller re-reads from there, rebuilds the same chunk and
 * replaces the same files; nothing is lost (the chunk is re-read) and nothing is written twice (same names).
 */
public final class ArchiveEventsService implements ArchiveEventsUseCase {

    private final WriteLakePort writeLake;
    private final long chunkSize;
    private final Map<Integer, OpenChunk> open = new HashMap<>();

    public ArchiveEventsService(WriteLakePort writeLake, long chunkSize) {
        this.writeLake = Objects.requireNonNull(writeLake, "writeLake");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be 1 or more");
        }
        this.chunkSize = chunkSize;
    }

    @Override
    public synchronized long archive(int partition, List<LoggedEvent> records) {
        OpenChunk chunk = open.get(partition);
        for (LoggedEvent record : records) {
            if (record.partition() != partition) {
                throw new IllegalArgumentException("record of partition " + record.partition()
                        + " passed for partition " + partition);
            }
            long index = record.offset() / chunkSize;
            if (chunk == null) {
                chunk = new OpenChunk(partition, index);
            } else if (record.offset() < chunk.lastOffset) {
                throw new IllegalArgumentException("offsets must increase: " + record.offset() + " after "
                        + chunk.lastOffset);
            } else if (index != chunk.index) {
                write(chunk);
                chunk = new OpenChunk(partition, index);
            }
            chunk.add(record);
        }
        if (chunk != null) {
            open.put(partition, chunk);
            return chunk.index * chunkSize;
        }
        return 0;
    }

    @Override
    public synchronized void flushOpenChunks() {
        for (OpenChunk chunk : open.values()) {
            if (chunk.dirty) {
                write(chunk);
            }
        }
    }

    @Override
    public synchronized OptionalLong release(int partition) {
        OpenChunk chunk = open.remove(partition);
        return chunk == null ? OptionalLong.empty() : OptionalLong.of(chunk.index * chunkSize);
    }

    private void write(OpenChunk chunk) {
        if (!chunk.events.isEmpty()) {
            writeLake.write("p" + chunk.partition + "-c" + chunk.index, List.copyOf(chunk.events));
        }
        chunk.dirty = false;
    }

    /** The events of one chunk read so far. */
    private static final class OpenChunk {

        final int partition;
        final long index;
        final List<Event> events = new ArrayList<>();
        long lastOffset = -1;
        boolean dirty;

        OpenChunk(int partition, long index) {
            this.partition = partition;
            this.index = index;
        }

        void add(LoggedEvent record) {
            events.add(record.event());
            lastOffset = record.offset();
            dirty = true;
        }
    }
}
