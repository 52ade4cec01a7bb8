package io.tandem.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.in.kafka.KafkaModelChangesListener;
import io.tandem.application.serving.ServingModels;
import jakarta.annotation.PreDestroy;

/**
 * Listens, with the context, to the Kafka model topic ({@code tandem.kafka.model-topic}) so that a champion changed
 * on any instance is served here within moments (ADR-0017). Runs on every instance with the Kafka event log, serving
 * only ones included ({@code tandem.kafka.consumers} does not apply: it has no consumer group).
 */
@Context
@Requires(property = "tandem.event-log", value = "kafka")
final class KafkaModelNotifications {

    private final KafkaModelChangesListener listener;

    KafkaModelNotifications(KafkaConfiguration kafka, ServingModels models) {
        this.listener = new KafkaModelChangesListener(kafka.modelChangesListenerSettings(models.modelName()), models);
        listener.start();
    }

    @PreDestroy
    void close() {
        listener.close();
    }
}
