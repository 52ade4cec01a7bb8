package io.tandem.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.application.port.in.ArchiveEventsUseCase;
import io.tandem.application.port.in.LoggedEvent;
import io.tandem.domain.interaction.Event;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the local event log to the lake archiver on one background thread (in log order), and flushes the
 * open chunk on a schedule and at shutdown so the lake stays fresh.
 */
@Singleton
@Requires(property = "tandem.event-log", value = "local", defaultValue = "local")
final class LocalLogArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLogArchiver.class);
    private static final int PARTITION = 0;

    private final ArchiveEventsUseCase archiveEvents;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tandem-lake-archiver");
        thread.setDaemon(true);
        return thread;
    });

    LocalLogArchiver(ArchiveEventsUseCase archiveEvents) {
        this.archiveEvents = archiveEvents;
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
            LOG.warn("the lake archiver did not finish within a minute; the open chunk may be missing from the lake");
        }
    }

    private void archive(List<LoggedEvent> records) {
        try {
            archiveEvents.archive(PARTITION, records);
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
}
