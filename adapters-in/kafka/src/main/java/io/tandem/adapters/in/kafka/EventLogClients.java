package io.tandem.adapters.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka clients of an event log consumer: the consumer of the log, and the producer of its dead-letter topic.
 * Operators may tune either through the settings' client properties, except what the consumer's guarantees rest
 * on (servers, group, manual commits, committed reads only, acknowledgement by every replica), which is set last.
 */
final class EventLogClients {

    /** Large polls keep the per-batch costs (one store call, one commit) small against 50,000 events/s. */
    static final int DEFAULT_MAX_POLL_RECORDS = 5_000;
    /**
     * How long the group waits for a member that stopped heart-beating before its partitions go to the others:
     * after a crash, the events of its partitions wait this long. Kafka's 45 s default made a restarted instance
     * wait 45 s before it consumed again; heartbeats come from the client's own thread, so only a stall of the
     * whole process this long moves partitions needlessly.
     */
    static final int DEFAULT_SESSION_TIMEOUT_MS = 10_000;
    static final int DEFAULT_HEARTBEAT_INTERVAL_MS = 3_000;

    private EventLogClients() {
    }

    static KafkaConsumer<byte[], byte[]> consumer(KafkaEventLogConsumerSettings settings) {
        return new KafkaConsumer<>(consumerConfig(settings));
    }

    static KafkaProducer<byte[], byte[]> deadLetterProducer(KafkaEventLogConsumerSettings settings) {
        return new KafkaProducer<>(producerConfig(settings));
    }

    static Map<String, Object> consumerConfig(KafkaEventLogConsumerSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DEFAULT_MAX_POLL_RECORDS);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, DEFAULT_SESSION_TIMEOUT_MS);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, DEFAULT_HEARTBEAT_INTERVAL_MS);
        config.putAll(settings.consumerProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Events of an aborted producer transaction were never accepted, so they must not reach any store.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    static Map<String, Object> producerConfig(KafkaEventLogConsumerSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Bounded so a missing dead-letter topic or a dead broker fails the batch (and retries it) within
        // seconds instead of holding the consumer thread, and close(), for minutes.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putAll(settings.producerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
