package io.tandem.bootstrap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.application.experiment.ServedListArchiver;
import io.tandem.application.experiment.port.out.WriteServedListsLakePort;
import io.tandem.domain.experiment.attribution.ServedList;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serving's served lists on their way to the lake (ADR-0026): the {@link ServedListArchiver} with its own writer
 * thread, flushed every {@code tandem.experiments.served-lake.flush-interval} (5 s) and at shutdown; a batch of
 * {@code tandem.experiments.served-lake.batch-size} lists (500) is written at once. At most
 * {@code tandem.experiments.served-lake.max-pending} lists (100,000) wait while the lake is away. Counters:
 * {@code tandem.experiments.served.lake.written}, {@code .failed-writes}, {@code .dropped}; gauge {@code .pending}.
 */
@Singleton
final class ServedListLakeWriter {

    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tandem-served-lake");
        thread.setDaemon(true);
        return thread;
    });
    private final ServedListArchiver archiver;

    ServedListLakeWriter(WriteServedListsLakePort lake, MeterRegistry meters,
                         @Property(name = "tandem.experiments.served-lake.batch-size")
                         @Bindable(defaultValue = "500") int batchSize,
                         @Property(name = "tandem.experiments.served-lake.max-pending")
                         @Bindable(defaultValue = "100000") int maxPending) {
        this.archiver = new ServedListArchiver(lake, batchSize, maxPending, writer);
        FunctionCounter.builder("tandem.experiments.served.lake.written", archiver, ServedListArchiver::written)
                .description("served lists written to the lake").register(meters);
        FunctionCounter.builder("tandem.experiments.served.lake.failed-writes", archiver,
                ServedListArchiver::failedWrites).description("failed writes of served lists to the lake")
                .register(meters);
        FunctionCounter.builder("tandem.experiments.served.lake.dropped", archiver, ServedListArchiver::dropped)
                .description("served lists dropped because the lake was behind").register(meters);
        Gauge.builder("tandem.experiments.served.lake.pending", archiver, ServedListArchiver::pending)
                .description("served lists waiting for the lake").register(meters);
    }

    /** Queues a served list for the lake; never throws for the lake's sake. */
    void offer(ServedList list) {
        archiver.offer(list);
    }

    @Scheduled(fixedDelay = "${tandem.experiments.served-lake.flush-interval:5s}",
            initialDelay = "${tandem.experiments.served-lake.flush-interval:5s}")
    void flushScheduled() {
        writer.execute(archiver::flush);
    }

    /** Writes every waiting list now, on the caller's thread; returns how many were written. */
    int flush() {
        return archiver.flush();
    }

    @PreDestroy
    void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        archiver.close();
    }
}
