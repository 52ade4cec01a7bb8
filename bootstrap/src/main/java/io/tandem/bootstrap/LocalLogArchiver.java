package io.tandem.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.application.ingestion.port.in.ArchiveEventsUseCase;
import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.application.ingestion.port.out.FlushLakePort;
import io.tandem.domain.interaction.Event;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feeds an in-process event log to the lake archiver on one background thread (in log order), flushes the
 * open chunk on a schedule and at shutdown, and keeps the archiver's committable offset in a file, so that
 * after a restart the archiver resumes from there (and rebuilds its open chunk) instead of from the start.
 *
 * <p>It never stops (ADR-0020). When the lake fails, the archiver forgets its open chunk, stops taking appends and,
 * at each following flush tick, reads the log again from the committed offset, as a Kafka consumer re-reads its
 * partition: nothing is lost (the log holds it all) and nothing is written twice (chunks keep their names,
 * ADR-0010). Records the log cannot read are quarantined by the log itself and never reach the archiver.
 *
 * <p>A train job's barrier ({@link #flushUpTo}) flushes at once, on the same worker thread, behind every append the
 * log handed over before the barrier was taken, so one flush normally covers it (ADR-0021).
 */
@Singleton
@Requires(property = "tandem.event-log", notEquals = "kafka")
final class LocalLogArchiver implements FlushLakePort {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLogArchiver.class);
    private static final int PARTITION = 0;
    private static final int RESUME_BATCH = 10_000;
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ArchiveEventsUseCase archiveEvents;
    private final Path offsetFile;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tandem-lake-archiver");
        thread.setDaemon(true);
        return thread;
    });

    // Confined to the worker thread, but for resume(), which runs before any append.
    private LocalLogReader log = (from, size, batches) -> { };
    private long committed = -1;
    /** The offset after the last record the archiver took; records below it are not taken twice. */
    private long next;
    /** Set when the lake failed: appends are skipped until the log has been read again from the commit. */
    private boolean behind;

    LocalLogArchiver(ArchiveEventsUseCase archiveEvents, @Property(name = "tandem.local-log.path") String logPath) {
        this.archiveEvents = archiveEvents;
        this.offsetFile = Path.of(logPath).resolve("archived.offset");
    }

    /**
     * For the durable local log: archives what it holds beyond the committed offset, on the worker thread; called
     * before subscribing to the log, so every later append is queued behind this catch-up.
     */
    void resume(LocalLogReader reader, long endOffset) {
        this.log = reader;
        long from = readCommitted();
        committed = from;
        next = from;
        if (from < endOffset) {
            LOG.info("lake archiver resuming at offset {} of {}", from, endOffset);
            worker.execute(this::catchUp);
        }
    }

    /** For a log that starts empty at every start (the in-memory one): no committed offset to resume from. */
    void attach(LocalLogReader reader) {
        this.log = reader;
    }

    void onAppend(long firstOffset, List<Event> events) {
        worker.execute(() -> take(firstOffset, events));
    }

    @Scheduled(fixedDelay = "${tandem.lake.flush-interval:5s}", initialDelay = "${tandem.lake.flush-interval:5s}")
    void flush() {
        worker.execute(this::flushNow);
    }

    /**
     * Flushes on the worker now, again every 200 ms while the lake does not take it, until the lake holds the log up
     * to the barrier or the time is up.
     */
    @Override
    public EventLogPosition flushUpTo(EventLogPosition barrier, Duration timeout) {
        long target = barrier.next(PARTITION);
        long deadline = System.nanoTime() + timeout.toNanos();
        long archived = 0;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return EventLogPosition.single(archived);
            }
            Future<Long> flushed;
            try {
                flushed = worker.submit(() -> {
                    flushNow();
                    // Behind, only what the committed offset names is surely in the lake.
                    return behind ? Math.max(committed, 0) : next;
                });
            } catch (RejectedExecutionException e) {
                throw new IllegalStateException("the lake archiver is shut down: this instance is stopping");
            }
            try {
                archived = Math.max(archived, flushed.get(remaining, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                flushed.cancel(false);
                return EventLogPosition.single(archived);
            } catch (ExecutionException e) {
                LOG.warn("flushing the lake for a train job's barrier failed; retrying until the barrier's timeout",
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the lake archiver");
            }
            if (archived >= target) {
                return EventLogPosition.single(archived);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(RETRY_NANOS, Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the lake archiver");
            }
        }
    }

    /** Waits until everything appended so far is in the lake, if the lake takes it; for shutdown and tests. */
    void drain() throws Exception {
        worker.submit(this::flushNow).get(1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void close() throws InterruptedException {
        worker.execute(this::flushNow);
        worker.shutdown();
        if (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
            LOG.warn("the lake archiver did not finish within a minute; it resumes from its offset at next start");
        }
    }

    private void take(long firstOffset, List<Event> events) {
        if (behind) {
            return;
        }
        List<LoggedEvent> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            long offset = firstOffset + i;
            // A catch-up read may already have taken what the queue still holds.
            if (offset >= next) {
                records.add(new LoggedEvent(PARTITION, offset, events.get(i)));
            }
        }
        if (records.isEmpty()) {
            return;
        }
        try {
            long committable = archiveEvents.archive(PARTITION, records);
            next = records.get(records.size() - 1).offset() + 1;
            if (committable != committed) {
                writeCommitted(committable);
            }
        } catch (RuntimeException e) {
            fellBehind(e);
        }
    }

    private void flushNow() {
        if (behind) {
            catchUp();
        }
        if (behind) {
            return;
        }
        try {
            archiveEvents.flushOpenChunks();
        } catch (RuntimeException e) {
            fellBehind(e);
        }
    }

    /** Reads the log again from the committed offset: the open chunk is rebuilt whole, then appends flow again. */
    private void catchUp() {
        archiveEvents.release(PARTITION);
        next = Math.max(committed, 0);
        behind = false;
        try {
            log.read(next, RESUME_BATCH, this::take);
        } catch (RuntimeException e) {
            fellBehind(e);
        }
        if (!behind) {
            LOG.info("lake archiver caught up with the event log at offset {}", next);
        }
    }

    private void fellBehind(RuntimeException e) {
        if (!behind) {
            LOG.error("archiving into the lake failed; the events stay in the event log, and the archiver reads them "
                    + "again from offset {} at each flush until the lake takes them", Math.max(committed, 0), e);
        }
        behind = true;
        archiveEvents.release(PARTITION);
    }

    private long readCommitted() {
        try {
            return Files.exists(offsetFile) ? Long.parseLong(Files.readString(offsetFile).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            LOG.warn("unreadable archiver offset {}; archiving again from the start (files are replaced, not "
                    + "duplicated)", offsetFile, e);
            return 0;
        }
    }

    private void writeCommitted(long offset) {
        try {
            Files.createDirectories(offsetFile.getParent());
            Path temporary = offsetFile.resolveSibling(offsetFile.getFileName() + ".tmp");
            Files.writeString(temporary, Long.toString(offset), StandardCharsets.US_ASCII);
            Files.move(temporary, offsetFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the archiver offset in " + offsetFile, e);
        }
    }
}
