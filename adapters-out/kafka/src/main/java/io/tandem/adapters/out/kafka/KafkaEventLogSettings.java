package io.tandem.adapters.out.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where and how {@link KafkaEventLogAdapter} appends events, validated on construction so a bad configuration
 * fails at start-up with the offending setting named.
 *
 * @param bootstrapServers        comma-separated {@code host:port} list of the Kafka cluster
 * @param topic                   the event topic, {@value #DEFAULT_TOPIC} by default
 * @param partitions              partitions of the topic when the adapter creates it; an existing topic is kept
 *                                as it is
 * @param replicationFactor       replicas of each partition when the adapter creates the topic
 * @param deliveryTimeout         how long one append may wait for the brokers before it gives up; it bounds
 *                                {@code delivery.timeout.ms}, {@code max.block.ms} and the wait for acknowledgements
 * @param producers               transactional producers in the adapter's pool, which is how many appends can run
 *                                their transactions at the same time; {@value #DEFAULT_PRODUCERS} by default
 * @param transactionalIdPrefix   start of every producer's {@code transactional.id}; the adapter appends a random id
 *                                of its own and the producer's index, so two processes never fence each other
 * @param extraProducerProperties further Kafka client properties (security, throughput tuning); the ones that
 *                                carry the durability, atomicity and timeout contract are refused
 */
public record KafkaEventLogSettings(String bootstrapServers, String topic, int partitions, short replicationFactor,
                                    Duration deliveryTimeout, int producers, String transactionalIdPrefix,
                                    Map<String, String> extraProducerProperties) {

    public static final String DEFAULT_TOPIC = "tandem.events";
    public static final int DEFAULT_PARTITIONS = 6;
    public static final short DEFAULT_REPLICATION_FACTOR = 1;
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_PRODUCERS = 4;
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "tandem-event-log";

    /** Below this, a broker that is merely busy (a leader election, a GC pause) would already fail appends. */
    public static final Duration MIN_DELIVERY_TIMEOUT = Duration.ofSeconds(1);
    /** Above this, an HTTP client would give up long before the append does. */
    public static final Duration MAX_DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    /** Each producer holds a sender thread, buffers and broker connections: more is a configuration mistake. */
    public static final int MAX_PRODUCERS = 64;

    /**
     * Producer properties the adapter sets itself: overriding them would break "returns only once every event
     * is durable, atomically, within the delivery timeout", so they are refused rather than silently ignored.
     */
    public static final Set<String> RESERVED_PRODUCER_PROPERTIES = Set.of(
            "bootstrap.servers", "key.serializer", "value.serializer", "acks", "enable.idempotence",
            "max.in.flight.requests.per.connection", "retries", "transactional.id", "transaction.timeout.ms",
            "delivery.timeout.ms", "request.timeout.ms", "max.block.ms");

    // What the Kafka client accepts as one bootstrap server (org.apache.kafka.common.utils.Utils.getHost/getPort).
    private static final Pattern HOST_PORT = Pattern.compile(
            "(?:[a-zA-Z][a-zA-Z\\d+-.]*://)?\\[?[0-9a-zA-Z\\-._%:]+\\]?:[0-9]{1,5}");
    // Kafka's own rule for topic names (org.apache.kafka.common.internals.Topic).
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public KafkaEventLogSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers: is required (host:port[,host:port...])");
        }
        bootstrapServers = bootstrapServers.strip();
        for (String server : bootstrapServers.split(",", -1)) {
            if (!HOST_PORT.matcher(server.strip()).matches()) {
                throw new IllegalArgumentException("bootstrapServers: '" + bootstrapServers
                        + "' is not a host:port[,host:port...] list");
            }
        }
        Objects.requireNonNull(topic, "topic");
        if (!TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("topic: '" + topic
                    + "' is not a Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -, not '.' or '..')");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: must be 1 or more, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor: must be 1 or more, was " + replicationFactor);
        }
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        if (deliveryTimeout.compareTo(MIN_DELIVERY_TIMEOUT) < 0 || deliveryTimeout.compareTo(MAX_DELIVERY_TIMEOUT) > 0) {
            throw new IllegalArgumentException("deliveryTimeout: must be between " + MIN_DELIVERY_TIMEOUT + " and "
                    + MAX_DELIVERY_TIMEOUT + ", was " + deliveryTimeout);
        }
        if (producers < 1 || producers > MAX_PRODUCERS) {
            throw new IllegalArgumentException("producers: must be between 1 and " + MAX_PRODUCERS + ", was "
                    + producers);
        }
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            throw new IllegalArgumentException("transactionalIdPrefix: is required");
        }
        transactionalIdPrefix = transactionalIdPrefix.strip();
        Objects.requireNonNull(extraProducerProperties, "extraProducerProperties");
        Set<String> reserved = new TreeSet<>();
        extraProducerProperties.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("extraProducerProperties: keys must be non-blank and values non-null");
            }
            if (RESERVED_PRODUCER_PROPERTIES.contains(key.strip())) {
                reserved.add(key.strip());
            }
        });
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("extraProducerProperties: " + reserved
                    + " are set by the adapter itself (durability, transactions and timeouts); use deliveryTimeout,"
                    + " producers and transactionalIdPrefix instead");
        }
        extraProducerProperties = Map.copyOf(extraProducerProperties);
    }

    /** The given cluster, topic and timing with the default producer pool and transactional id prefix. */
    public KafkaEventLogSettings(String bootstrapServers, String topic, int partitions, short replicationFactor,
                                 Duration deliveryTimeout, Map<String, String> extraProducerProperties) {
        this(bootstrapServers, topic, partitions, replicationFactor, deliveryTimeout, DEFAULT_PRODUCERS,
                DEFAULT_TRANSACTIONAL_ID_PREFIX, extraProducerProperties);
    }

    /**
     * The defaults (topic {@value #DEFAULT_TOPIC}, 6 partitions, replication 1, 5 s, 4 producers with transactional
     * ids starting {@value #DEFAULT_TRANSACTIONAL_ID_PREFIX}) for one cluster.
     */
    public static KafkaEventLogSettings of(String bootstrapServers) {
        return new KafkaEventLogSettings(bootstrapServers, DEFAULT_TOPIC, DEFAULT_PARTITIONS,
                DEFAULT_REPLICATION_FACTOR, DEFAULT_DELIVERY_TIMEOUT, Map.of());
    }
}
