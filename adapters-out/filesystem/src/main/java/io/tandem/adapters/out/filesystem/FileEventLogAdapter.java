package io.tandem.adapters.out.filesystem;

import io.tandem.application.ingestion.port.out.AppendEventsPort;
import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.application.ingestion.port.out.MarkEventLogEndPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventLogUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded event log: one append-only file of checksummed frames. An append returns only after the
 * frames are forced to disk, so an acknowledged event survives a crash; on open, a frame torn by a crash is
 * cut off. Offsets number the events from 0. Subscribers see every append, in order, after it is durable,
 * and {@link #replay} hands back what is already in the file (to rebuild state after a restart).
 *
 * <p>No single record stops a reader (ADR-0020): a complete frame that no longer reads as a valid event (written by
 * an older version under looser rules, or damaged in place) is set aside in {@code quarantine.ndjson} beside the
 * log with its reason, and replay goes on past it. A subscriber that fails never fails the append, which is
 * durable by then: the subscriber catches up from the log.
 */
public final class FileEventLogAdapter implements AppendEventsPort, MarkEventLogEndPort, AutoCloseable {

    /** Receives every durable append with the offset of its first event. */
    @FunctionalInterface
    public interface Subscriber {

        void onAppend(long firstOffset, List<Event> events);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FileEventLogAdapter.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Path file;
    private final FileChannel channel;
    private final QuarantineFile quarantine;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private long nextOffset;
    /** The byte length of the complete frames, where the next append starts. */
    private long endOfLog;

    /**
     * Opens (or creates) the log in {@code directory}, recovering from a crash mid-append.
     *
     * @param quarantined runs once for each record newly set aside in the quarantine file (a metric counts them)
     */
    public FileEventLogAdapter(Path directory, Runnable quarantined) {
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve("events.log");
            this.quarantine = new QuarantineFile(directory.resolve("quarantine.ndjson"), quarantined,
                    Clock.systemUTC());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Recovered recovered = scan(file);
            if (recovered.validBytes < channel.size()) {
                LOG.warn("local event log {}: cutting {} bytes torn by a crash after offset {}", file,
                        channel.size() - recovered.validBytes, recovered.events);
                channel.truncate(recovered.validBytes);
                channel.force(true);
            }
            channel.position(recovered.validBytes);
            this.nextOffset = recovered.events;
            this.endOfLog = recovered.validBytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local event log in " + directory, e);
        }
    }

    /** Registers a consumer of every future append. */
    public void subscribe(Subscriber subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** The offset the next appended event will get: the number of events in the log. */
    public synchronized long nextOffset() {
        return nextOffset;
    }

    /** The one partition's end: every durable (acknowledged) event lies before it. */
    @Override
    public synchronized EventLogPosition markEnd() {
        return EventLogPosition.single(nextOffset);
    }

    @Override
    public synchronized void append(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Event> batch = List.copyOf(events);
        List<byte[]> frames = new ArrayList<>(batch.size());
        int bytes = 0;
        for (Event event : batch) {
            byte[] frame = EventFrames.frame(event);
            frames.add(frame);
            bytes += frame.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        frames.forEach(buffer::put);
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            // Take back what may have reached the file, so the log never holds an unacknowledged event.
            rollBackTail();
            throw new EventLogUnavailableException("the local event log cannot write to " + file + ": "
                    + e.getMessage(), RETRY_AFTER, e);
        }
        long firstOffset = nextOffset;
        nextOffset += batch.size();
        endOfLog += bytes;
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.onAppend(firstOffset, batch);
            } catch (RuntimeException e) {
                // The events are durable and acknowledged from here on; a 5xx now would invite a duplicate.
                LOG.error("a subscriber of the local event log failed on offsets {}..{}; it catches up from the log",
                        firstOffset, firstOffset + batch.size() - 1, e);
            }
        }
    }

    /**
     * Hands every event from {@code fromOffset} up to the current end to {@code subscriber}, in batches of at
     * most {@code batchSize}, in order, each batch of consecutive offsets. Appends wait meanwhile, so nothing is
     * missed between a replay and a subscription made under the same lock. A record that does not read as a valid
     * event is quarantined and skipped, and the batch in front of it is handed over first.
     */
    public synchronized void replay(long fromOffset, int batchSize, Subscriber subscriber) {
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(FileChannel.open(file)), 1 << 16);
             DataInputStream data = new DataInputStream(in)) {
            List<Event> batch = new ArrayList<>(batchSize);
            long batchStart = fromOffset;
            for (long offset = 0; offset < nextOffset; offset++) {
                int length = data.readInt();
                data.readInt();
                if (offset < fromOffset) {
                    data.skipNBytes(length);
                    continue;
                }
                byte[] payload = data.readNBytes(length);
                Event event;
                try {
                    event = EventFrames.event(payload);
                } catch (RuntimeException unreadable) {
                    quarantine(offset, payload, unreadable);
                    if (!batch.isEmpty()) {
                        subscriber.onAppend(batchStart, List.copyOf(batch));
                        batch.clear();
                    }
                    batchStart = offset + 1;
                    continue;
                }
                batch.add(event);
                if (batch.size() == batchSize) {
                    subscriber.onAppend(batchStart, List.copyOf(batch));
                    batchStart += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                subscriber.onAppend(batchStart, List.copyOf(batch));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay the local event log " + file, e);
        }
    }

    private void quarantine(long offset, byte[] payload, RuntimeException unreadable) {
        String field = unreadable instanceof InvalidFieldException invalid ? invalid.field() : "event";
        String reason = unreadable instanceof InvalidFieldException invalid ? invalid.reason()
                : "does not read as an event: " + unreadable.getMessage();
        quarantine.add(offset, field, reason, payload);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the local event log {} failed", file, e);
        }
    }

    private void rollBackTail() {
        try {
            channel.truncate(endOfLog);
            channel.position(endOfLog);
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot roll back a failed append in {}; recovery at next start will cut it", file, e);
        }
    }

    /** Reads the file frame by frame up to the first torn or corrupt one. */
    private static Recovered scan(Path file) throws IOException {
        long events = 0;
        long validBytes = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int length;
                int checksum;
                try {
                    length = in.readInt();
                    checksum = in.readInt();
                } catch (EOFException e) {
                    break;
                }
                if (length < 0 || length > EventFrames.MAX_PAYLOAD_BYTES) {
                    break;
                }
                byte[] payload = in.readNBytes(length);
                if (payload.length < length || !EventFrames.checksumMatches(payload, checksum)) {
                    break;
                }
                events++;
                validBytes += EventFrames.HEADER_BYTES + length;
            }
        }
        return new Recovered(events, validBytes);
    }

    /** How much of the file holds complete frames. */
    private record Recovered(long events, long validBytes) {
    }
}
