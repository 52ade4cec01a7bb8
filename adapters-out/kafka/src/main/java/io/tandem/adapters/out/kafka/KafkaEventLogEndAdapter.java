package io.tandem.adapters.out.kafka;

import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.application.ingestion.port.out.MarkEventLogEndPort;
import io.tandem.domain.interaction.EventLogUnavailableException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The event topic's end, per partition, as a {@code read_committed} reader sees it (the last stable offset): every
 * event of a committed append, which is every acknowledged one, lies before it, and an append still in flight does
 * not hold the barrier back. A train job records it when queued (ADR-0021). One client without a consumer group,
 * opened at first use, each call bounded by the delivery timeout.
 */
public final class KafkaEventLogEndAdapter implements MarkEventLogEndPort, AutoCloseable {

    private final KafkaEventLogSettings settings;
    private Consumer<byte[], byte[]> consumer;

    public KafkaEventLogEndAdapter(KafkaEventLogSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public synchronized EventLogPosition markEnd() {
        Duration timeout = settings.deliveryTimeout();
        try {
            if (consumer == null) {
                consumer = new KafkaConsumer<>(config());
            }
            List<PartitionInfo> partitions = consumer.partitionsFor(settings.topic(), timeout);
            if (partitions == null || partitions.isEmpty()) {
                // No topic yet: nothing was ever acknowledged.
                return new EventLogPosition(Map.of());
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList(), timeout);
            Map<Integer, Long> next = new HashMap<>();
            ends.forEach((partition, end) -> next.put(partition.partition(), end));
            return new EventLogPosition(next);
        } catch (KafkaException e) {
            throw new EventLogUnavailableException("the Kafka event log did not say where it ends within "
                    + timeout.toSeconds() + " s", KafkaEventLogAdapter.RETRY_AFTER, e);
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            consumer = null;
        }
    }
}
