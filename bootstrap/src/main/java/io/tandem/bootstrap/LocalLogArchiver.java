package io.tandem.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.adapters.out.filesystem.FileEventLogAdapter;
import io.tandem.application.port.in.ArchiveEventsUseCase;
import io.tandem.application.port.in.LoggedEvent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Feeds an in-process event log to the lake archiver on one background thread (in log order), flushes the
 * open chunk on a schedule and at shutdown, and keeps the archiver's committable offset in a file, so that
 * after a restart the archiver resumes from there (and rebuilds its open chunk) instead of from the start.
 */
@Singleton
@Requires(property = "tandem.event-log", notEquals = "kafka")
final class LocalLogArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLogArchiver.class);
    private static final int PARTITION = 0;
    private static final int RESUME_BATCH = 10_000;

    private final ArchiveEventsUseCase archiveEvents;
    private final Path offsetFile;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tandem-lake-archiver");
        thread.setDaemon(true);
        return thread;
    });
    private long committed = -1;

    LocalLogArchiver(ArchiveEventsUseCase archiveEvents, @Property(name = "tandem.local-log.path") String logPath) {
        this.archiveEvents = archiveEvents;
        this.offsetFile = Path.of(logPath).resolve("archived.offset");
    }

    /** Archives what the durable log holds beyond the committed offset; called before subscribing. */
    void resume(FileEventLogAdapter log) {
        long from = readCommitted();
        if (from < log.nextOffset()) {
            LOG.info("lake archiver resuming at offset {} of {}", from, log.nextOffset());
            log.replay(from, RESUME_BATCH, this::onAppend);
        }
    }

    void onAppend(long firstOffset, List<Event> events) {
        List<LoggedEvent> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            records.add(new LoggedEvent(PARTITION, firstOffset + i, events.get(i)));
        }
        worker.execute(() -> archive(records));
    }

    @Scheduled(fixedDelay = "${tandem.lake.flush-interval:5s}", initialDelay = "${tandem.lake.flush-interval:5s}")
    void flush() {
        worker.execute(this::flushNow);
    }

    /** Waits until everything appended so far is in the lake; for shutdown and tests. */
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

    private void archive(List<LoggedEvent> records) {
        try {
            long committable = archiveEvents.archive(PARTITION, records);
            if (committable != committed) {
                writeCommitted(committable);
            }
        } catch (RuntimeException e) {
            LOG.error("archiving {} events failed; they stay in the event log", records.size(), e);
        }
    }

    private void flushNow() {
        try {
            archiveEvents.flushOpenChunks();
        } catch (RuntimeException e) {
            LOG.error("flushing the open lake chunk failed", e);
        }
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
