package io.tandem.adapters.in.kafka;

import io.tandem.domain.InvalidFieldException;

import java.time.Duration;

/**
 * How one {@link KafkaModelChangesListener} reads the model notification topic, validated on construction so a bad
 * configuration fails at start-up naming the setting.
 *
 * @param bootstrapServers comma-separated {@code host:port} list of the Kafka cluster
 * @param topic            the notification topic, {@value #DEFAULT_TOPIC} by default
 * @param modelName        the model this instance serves: changes of other models are read and ignored
 * @param pollTimeout      how long one poll waits for records; also how soon close() is noticed at the latest
 */
public record KafkaModelChangesListenerSettings(String bootstrapServers, String topic, String modelName,
                                                Duration pollTimeout) {

    public static final String DEFAULT_TOPIC = "tandem.models";
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MAX_POLL_TIMEOUT = Duration.ofSeconds(30);

    public KafkaModelChangesListenerSettings {
        bootstrapServers = InvalidFieldException.requireText("bootstrapServers", bootstrapServers);
        topic = InvalidFieldException.requireText("topic", topic);
        modelName = InvalidFieldException.requireText("modelName", modelName);
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()
                || pollTimeout.compareTo(MAX_POLL_TIMEOUT) > 0) {
            throw new InvalidFieldException("pollTimeout", "must be more than 0 and at most " + MAX_POLL_TIMEOUT
                    + ", was " + pollTimeout);
        }
    }

    /** The default topic and poll timeout, for the model {@code modelName}. */
    public static KafkaModelChangesListenerSettings of(String bootstrapServers, String modelName) {
        return new KafkaModelChangesListenerSettings(bootstrapServers, DEFAULT_TOPIC, modelName, DEFAULT_POLL_TIMEOUT);
    }
}
