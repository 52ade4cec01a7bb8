package io.tandem.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.kafka.KafkaEventLogAdapter;
import jakarta.inject.Singleton;

/** Kafka as the event log ({@code tandem.event-log=kafka}). */
@Factory
final class KafkaAdaptersFactory {

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.event-log", value = "kafka")
    KafkaEventLogAdapter eventLog(KafkaConfiguration kafka) {
        return new KafkaEventLogAdapter(kafka.producerSettings());
    }
}
