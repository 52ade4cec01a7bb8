package io.tandem.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.in.kafka.KafkaEventLogConsumer;
import io.tandem.adapters.in.kafka.LakeArchiver;
import io.tandem.adapters.in.kafka.OnlineFeaturesUpdater;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.ingestion.ArchiveEventsService;
import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.application.ingestion.port.out.FlushLakePort;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.domain.TimeWindow;
import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the Kafka event-log consumers with the context: one group folds events into the online features,
 * another archives them into the lake (each with its own archiver state, ADR-0010).
 *
 * <p>A train job's lake barrier flushes this process's archiver on request and waits until, partition by partition,
 * it has written the log up to the barrier; a partition another instance archives counts once that instance's
 * committed offset is past the barrier (ADR-0021).
 */
@Context
@Requires(property = "tandem.event-log", value = "kafka")
@Requires(property = "tandem.kafka.consumers", notEquals = "false")
final class KafkaLogConsumers implements FlushLakePort {

    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final KafkaEventLogConsumer onlineFeatures;
    private final KafkaEventLogConsumer lake;

    KafkaLogConsumers(KafkaConfiguration kafka, UpdateOnlineFeaturesUseCase updateOnlineFeatures,
                      WriteLakePort writeLake, LakeConfiguration lakeConfiguration, TimeWindow window,
                      QuarantineMetrics quarantine) {
        this.onlineFeatures = new KafkaEventLogConsumer(
                kafka.consumerSettings("online-features"),
                new OnlineFeaturesUpdater(updateOnlineFeatures), window,
                quarantine.counter("kafka", "online-features"));
        this.lake = new KafkaEventLogConsumer(
                kafka.consumerSettings("lake-archiver"),
                new LakeArchiver(new ArchiveEventsService(writeLake, lakeConfiguration.chunkEvents())), window,
                quarantine.counter("kafka", "lake-archiver"));
        onlineFeatures.start();
        lake.start();
    }

    @Override
    public EventLogPosition flushUpTo(EventLogPosition barrier, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Long> reached = new HashMap<>();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return new EventLogPosition(reached);
            }
            lake.flushAndReport(barrier.next().keySet(), Duration.ofNanos(remaining))
                    .forEach((partition, offset) -> reached.merge(partition, offset, Math::max));
            EventLogPosition archived = new EventLogPosition(reached);
            if (archived.covers(barrier)) {
                return archived;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(RETRY_NANOS, Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the lake archiver");
            }
        }
    }

    @PreDestroy
    void close() {
        onlineFeatures.close();
        lake.close();
    }
}
