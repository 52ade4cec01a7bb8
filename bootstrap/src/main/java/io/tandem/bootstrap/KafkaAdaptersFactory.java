package io.tandem.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.jdbc.JdbcModelRegistryAdapter;
import io.tandem.adapters.out.kafka.KafkaEventLogAdapter;
import io.tandem.adapters.out.kafka.KafkaEventLogEndAdapter;
import io.tandem.adapters.out.kafka.KafkaModelChangesAdapter;
import io.tandem.application.ingestion.port.out.FlushLakePort;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Kafka as the event log ({@code tandem.event-log=kafka}), and then also as the channel that tells every instance
 * about champion changes (topic {@code tandem.kafka.model-topic}, ADR-0017).
 */
@Factory
final class KafkaAdaptersFactory {

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.event-log", value = "kafka")
    KafkaEventLogAdapter eventLog(KafkaConfiguration kafka) {
        return new KafkaEventLogAdapter(kafka.producerSettings());
    }

    /** Where the event topic ends: a train job's lake barrier (ADR-0021). */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.event-log", value = "kafka")
    KafkaEventLogEndAdapter eventLogEnd(KafkaConfiguration kafka) {
        return new KafkaEventLogEndAdapter(kafka.producerSettings());
    }

    /**
     * Without its own log consumers this process has no lake archiver to flush, so its train jobs cannot know that
     * the lake holds every acknowledged event: they fail saying where to run them (ADR-0021).
     */
    @Singleton
    @Requires(property = "tandem.event-log", value = "kafka")
    @Requires(property = "tandem.kafka.consumers", value = "false")
    FlushLakePort noLakeArchiverHere() {
        return (barrier, timeout) -> {
            throw new IllegalStateException("barrier: this instance runs no lake archiver (tandem.kafka.consumers="
                    + "false), so it cannot make sure the lake holds every acknowledged event; start train jobs on "
                    + "an instance that runs the event-log consumers");
        };
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.event-log", value = "kafka")
    KafkaModelChangesAdapter modelChanges(KafkaConfiguration kafka) {
        return new KafkaModelChangesAdapter(kafka.modelChangesSettings());
    }

    /**
     * The registry's stage changes with each champion change published, taking the place of the registry wherever
     * stages are changed (the registry use cases, training), so no path can forget to publish. A failed publication
     * counts in {@code tandem.model.notifications.failed} (Prometheus {@code tandem_model_notifications_failed_total}).
     */
    @Singleton
    @Primary
    @Requires(property = "tandem.event-log", value = "kafka")
    PublishingModelStages publishingModelStages(JdbcModelRegistryAdapter registry, KafkaModelChangesAdapter modelChanges,
                                                Clock clock, BeanProvider<MeterRegistry> meters) {
        Runnable publishFailed = () -> { };
        if (meters.isPresent()) {
            Counter failures = Counter.builder("tandem.model.notifications.failed")
                    .description("Champion changes that could not be published to the other instances")
                    .register(meters.get());
            publishFailed = failures::increment;
        }
        return new PublishingModelStages(registry, modelChanges, clock, publishFailed);
    }
}
