package io.tandem.adapters.in.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one {@link KafkaEventLogConsumer} reaches the event log: brokers, topics, its consumer group and timings, plus
 * extra Kafka client properties (security, tuning). A key of {@code extraProperties} applies to both the consumer
 * and the dead-letter producer, unless it starts with {@code consumer.} or {@code producer.}, which scopes it to one
 * client. Keys that would break the delivery guarantees are refused.
 */
public record KafkaEventLogConsumerSettings(String bootstrapServers, String topic, String deadLetterTopic,
                                            String groupId, Duration pollTimeout, Duration idleFlush,
                                            Map<String, String> extraProperties) {

    public static final String DEFAULT_TOPIC = "tandem.events";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "tandem.events.dlq";
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_IDLE_FLUSH = Duration.ofSeconds(2);

    /** A poll blocks the consumer thread; close() waits for it, so keep it short. */
    private static final Duration MAX_POLL_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Set by the consumer itself: manual commits, its own group and byte-array (de)serializers are what the
     * exactly-once and at-least-once arguments rest on, and the dead-letter write must be acknowledged by all
     * in-sync replicas before an offset passes it.
     */
    private static final Set<String> FIXED_KEYS = Set.of("bootstrap.servers", "group.id", "enable.auto.commit",
            "isolation.level", "key.deserializer", "value.deserializer", "key.serializer", "value.serializer",
            "acks", "enable.idempotence");

    public KafkaEventLogConsumerSettings {
        bootstrapServers = requireText("bootstrapServers", bootstrapServers);
        topic = requireText("topic", topic);
        deadLetterTopic = requireText("deadLetterTopic", deadLetterTopic);
        groupId = requireText("groupId", groupId);
        if (topic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("deadLetterTopic must differ from topic '" + topic + "'");
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (pollTimeout.isNegative() || pollTimeout.isZero() || pollTimeout.compareTo(MAX_POLL_TIMEOUT) > 0) {
            throw new IllegalArgumentException("pollTimeout must be more than 0 and at most " + MAX_POLL_TIMEOUT
                    + ", was " + pollTimeout);
        }
        Objects.requireNonNull(idleFlush, "idleFlush");
        if (idleFlush.isNegative() || idleFlush.isZero()) {
            throw new IllegalArgumentException("idleFlush must be more than 0, was " + idleFlush);
        }
        Objects.requireNonNull(extraProperties, "extraProperties");
        Map<String, String> copy = new LinkedHashMap<>();
        extraProperties.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("extraProperties must have non-blank keys and non-null values");
            }
            if (FIXED_KEYS.contains(unscoped(key))) {
                throw new IllegalArgumentException("extraProperties must not set '" + key
                        + "': the event log consumer fixes it");
            }
            copy.put(key, value);
        });
        extraProperties = Map.copyOf(copy);
    }

    /** Settings with the default topics, poll timeout and idle flush, and no extra properties. */
    public static KafkaEventLogConsumerSettings defaults(String bootstrapServers, String groupId) {
        return new KafkaEventLogConsumerSettings(bootstrapServers, DEFAULT_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, groupId,
                DEFAULT_POLL_TIMEOUT, DEFAULT_IDLE_FLUSH, Map.of());
    }

    /** The extra properties meant for the consumer: unscoped ones and {@code consumer.*} without the prefix. */
    Map<String, String> consumerProperties() {
        return scopedTo("consumer.", "producer.");
    }

    /** The extra properties meant for the dead-letter producer. */
    Map<String, String> producerProperties() {
        return scopedTo("producer.", "consumer.");
    }

    private Map<String, String> scopedTo(String own, String other) {
        Map<String, String> properties = new LinkedHashMap<>();
        // Unscoped first, so a scoped key wins over the same unscoped one.
        extraProperties.forEach((key, value) -> {
            if (!key.startsWith(own) && !key.startsWith(other)) {
                properties.put(key, value);
            }
        });
        extraProperties.forEach((key, value) -> {
            if (key.startsWith(own)) {
                properties.put(key.substring(own.length()), value);
            }
        });
        return properties;
    }

    private static String unscoped(String key) {
        if (key.startsWith("consumer.")) {
            return key.substring("consumer.".length());
        }
        if (key.startsWith("producer.")) {
            return key.substring("producer.".length());
        }
        return key;
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }
}
