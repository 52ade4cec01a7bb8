package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code tandem.kafka.*}: the Kafka event log. {@code consumers} turns this process's log consumers (online
 * features, lake archiver) on or off, so serving-only replicas can leave them to worker replicas.
 */
@ConfigurationProperties("tandem.kafka")
record KafkaConfiguration(@Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
                          @Bindable(defaultValue = "true") boolean consumers) {
}
