package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.adapters.in.kafka.KafkaEventLogConsumerSettings;
import io.tandem.adapters.in.kafka.KafkaModelChangesListenerSettings;
import io.tandem.adapters.out.kafka.KafkaEventLogSettings;
import io.tandem.adapters.out.kafka.KafkaModelChangesSettings;

import java.time.Duration;
import java.util.Map;

/**
 * {@code tandem.kafka.*}: the Kafka event log. {@code consumers} turns this process's log consumers (online
 * features, lake archiver) on or off, so serving-only replicas can leave them to worker replicas;
 * {@code group-prefix} names their consumer groups. {@code model-topic} carries champion changes to every instance
 * (ADR-0017), each publication waiting at most {@code model-publish-timeout}; it is read whatever {@code consumers}
 * says, since serving-only replicas need it most.
 */
@ConfigurationProperties("tandem.kafka")
record KafkaConfiguration(@Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
                          @Bindable(defaultValue = "tandem.events") String topic,
                          @Bindable(defaultValue = "tandem.events.dlq") String deadLetterTopic,
                          @Bindable(defaultValue = "6") int partitions,
                          @Bindable(defaultValue = "1") short replicationFactor,
                          @Bindable(defaultValue = "5s") Duration deliveryTimeout,
                          @Bindable(defaultValue = "4") int producers,
                          @Bindable(defaultValue = "tandem") String groupPrefix,
                          @Bindable(defaultValue = "true") boolean consumers,
                          @Bindable(defaultValue = "tandem.models") String modelTopic,
                          @Bindable(defaultValue = "2s") Duration modelPublishTimeout) {

    KafkaEventLogSettings producerSettings() {
        return InvalidSettingException.naming("tandem.kafka", "when tandem.event-log=kafka",
                () -> new KafkaEventLogSettings(bootstrapServers, topic, partitions, replicationFactor,
                        deliveryTimeout, producers, KafkaEventLogSettings.DEFAULT_TRANSACTIONAL_ID_PREFIX, Map.of()));
    }

    KafkaEventLogConsumerSettings consumerSettings(String purpose) {
        return new KafkaEventLogConsumerSettings(bootstrapServers, topic, deadLetterTopic, groupPrefix + "." + purpose,
                KafkaEventLogConsumerSettings.DEFAULT_POLL_TIMEOUT, KafkaEventLogConsumerSettings.DEFAULT_IDLE_FLUSH,
                Map.of());
    }

    KafkaModelChangesSettings modelChangesSettings() {
        return new KafkaModelChangesSettings(bootstrapServers, modelTopic, replicationFactor, modelPublishTimeout);
    }

    KafkaModelChangesListenerSettings modelChangesListenerSettings(String modelName) {
        return new KafkaModelChangesListenerSettings(bootstrapServers, modelTopic, modelName,
                KafkaModelChangesListenerSettings.DEFAULT_POLL_TIMEOUT);
    }
}
