package io.tandem.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.in.kafka.KafkaEventLogConsumer;
import io.tandem.adapters.in.kafka.LakeArchiver;
import io.tandem.adapters.in.kafka.OnlineFeaturesUpdater;
import io.tandem.application.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.port.out.WriteLakePort;
import io.tandem.application.service.ArchiveEventsService;
import io.tandem.domain.TimeWindow;
import jakarta.annotation.PreDestroy;

/**
 * Starts the Kafka event-log consumers with the context: one group folds events into the online features,
 * another archives them into the lake (each with its own archiver state, ADR-0010).
 */
@Context
@Requires(property = "tandem.event-log", value = "kafka")
@Requires(property = "tandem.kafka.consumers", notEquals = "false")
final class KafkaLogConsumers {

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

    @PreDestroy
    void close() {
        onlineFeatures.close();
        lake.close();
    }
}
