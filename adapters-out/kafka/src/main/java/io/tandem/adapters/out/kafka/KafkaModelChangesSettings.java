package io.tandem.adapters.out.kafka;

import io.tandem.domain.InvalidFieldException;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where {@link KafkaModelChangesAdapter} publishes model stage changes, validated on construction so a bad
 * configuration fails at start-up naming the setting.
 *
 * @param bootstrapServers  comma-separated {@code host:port} list of the Kafka cluster
 * @param topic             the notification topic, {@value #DEFAULT_TOPIC} by default; created with one partition
 *                          when missing, so every change reaches every reader in the order it was made
 * @param replicationFactor replicas of the topic's partition when the adapter creates it
 * @param publishTimeout    how long a publication may wait for the brokers (metadata, then the acknowledgement of
 *                          every in-sync replica) before it gives up; creating a missing topic first may take as
 *                          long again
 */
public record KafkaModelChangesSettings(String bootstrapServers, String topic, short replicationFactor,
                                        Duration publishTimeout) {

    public static final String DEFAULT_TOPIC = "tandem.models";
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    /** A promotion waits for its publication: more than this would hold an HTTP client too long. */
    public static final Duration MAX_PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    /** Below this even a healthy broker under load misses it. */
    public static final Duration MIN_PUBLISH_TIMEOUT = Duration.ofMillis(100);

    // Kafka's own rule for topic names (org.apache.kafka.common.internals.Topic).
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public KafkaModelChangesSettings {
        bootstrapServers = InvalidFieldException.requireText("bootstrapServers", bootstrapServers);
        topic = InvalidFieldException.requireText("topic", topic);
        if (!TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new InvalidFieldException("topic", "'" + topic
                    + "' is not a Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -, not '.' or '..')");
        }
        if (replicationFactor < 1) {
            throw new InvalidFieldException("replicationFactor", "must be 1 or more, was " + replicationFactor);
        }
        if (publishTimeout == null) {
            throw new InvalidFieldException("publishTimeout", "is required");
        }
        if (publishTimeout.compareTo(MIN_PUBLISH_TIMEOUT) < 0 || publishTimeout.compareTo(MAX_PUBLISH_TIMEOUT) > 0) {
            throw new InvalidFieldException("publishTimeout", "must be between " + MIN_PUBLISH_TIMEOUT + " and "
                    + MAX_PUBLISH_TIMEOUT + ", was " + publishTimeout);
        }
    }

    /** The default topic, replication 1 and timeout for one cluster. */
    public static KafkaModelChangesSettings of(String bootstrapServers) {
        return new KafkaModelChangesSettings(bootstrapServers, DEFAULT_TOPIC, (short) 1, DEFAULT_PUBLISH_TIMEOUT);
    }
}
