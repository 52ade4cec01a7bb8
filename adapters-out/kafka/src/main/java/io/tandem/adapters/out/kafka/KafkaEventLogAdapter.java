package io.tandem.adapters.out.kafka;

import io.tandem.application.port.out.AppendEventsPort;
import io.tandem.application.port.out.EventLogUnavailableException;
import io.tandem.domain.interaction.Event;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production event log: appends each event to a Kafka topic, keyed by user id so one user's events stay
 * in order on one partition, as JSON in the public event wire format, and returns only once every record is
 * acknowledged by all in-sync replicas.
 *
 * <p>Thread-safe: concurrent appends share one idempotent producer, whose batching is what makes small
 * concurrent appends cheap. The producer reconnects on its own, so the same instance keeps working after the
 * brokers come back.
 */
public final class KafkaEventLogAdapter implements AppendEventsPort, AutoCloseable {

    /** What a failed append tells its caller to wait before retrying: about one broker restart or election. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * Added to the delivery timeout when waiting for acknowledgements, so that the producer's own expiry (which
     * names the real cause) normally fires first; the wait is still bounded if it never does.
     */
    static final Duration ACKNOWLEDGEMENT_GRACE = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventLogAdapter.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final KafkaEventLogSettings settings;
    private final EventTopic topic;
    private final Producer<String, byte[]> producer;

    /**
     * Creates the topic when it is missing and opens the producer. Kafka being down is not fatal here: the
     * topic is then created by the first append that reaches it, and appends fail until then.
     */
    public KafkaEventLogAdapter(KafkaEventLogSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.topic = new EventTopic(settings);
        try {
            topic.ensureExists(settings.deliveryTimeout(), RETRY_AFTER);
        } catch (EventLogUnavailableException e) {
            LOG.warn("Kafka event topic {} not confirmed at start ({}); appends will create it once Kafka answers",
                    settings.topic(), e.getMessage());
        }
        this.producer = new KafkaProducer<>(producerProperties(settings), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * Sends every event, then waits for all acknowledgements, at most the delivery timeout plus
     * {@link #ACKNOWLEDGEMENT_GRACE} in total.
     *
     * @throws EventLogUnavailableException when any record is refused or not acknowledged in time; some records
     *                                      of the batch may then be in the log nonetheless (consumers de-duplicate
     *                                      by event id), none is lost silently
     */
    @Override
    public void append(List<Event> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + settings.deliveryTimeout().plus(ACKNOWLEDGEMENT_GRACE).toNanos();
        if (!topic.knownToExist()) {
            // Only after Kafka was unreachable at start. It takes at most the delivery timeout and counts
            // against this append's deadline: the wait for acknowledgements ends at the same moment.
            topic.ensureExists(settings.deliveryTimeout(), RETRY_AFTER);
        }
        Acknowledgements acknowledgements = new Acknowledgements(events.size());
        try {
            for (Event event : events) {
                // A failed record fails the append, so sending the rest would only add work and, while the
                // cluster is unreachable, a metadata wait of max.block.ms for each of them.
                if (acknowledgements.hasFailed() || System.nanoTime() - deadline > 0) {
                    break;
                }
                // The key is the user id in UTF-8, as any producer of this topic writes it, so the default
                // partitioner puts a user's events on one partition whoever sent them.
                producer.send(new ProducerRecord<>(settings.topic(), event.user().value(), EventJson.encode(event)),
                        acknowledgements);
            }
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: the adapter was closed under a running append (shutdown).
            throw unavailable("Kafka refused an event for topic " + settings.topic() + ": " + e.getMessage(), e);
        }
        acknowledgements.await(deadline, settings.topic(), RETRY_AFTER);
    }

    /** Sends what is still buffered, waiting at most the delivery timeout, then releases the producer. */
    @Override
    public void close() {
        producer.close(settings.deliveryTimeout());
    }

    private static EventLogUnavailableException unavailable(String message, Throwable cause) {
        return new EventLogUnavailableException(message, RETRY_AFTER, cause);
    }

    static Properties producerProperties(KafkaEventLogSettings settings) {
        Properties properties = new Properties();
        // Throughput defaults: one ingest batch (up to 10,000 events of ~200 bytes) spread over the partitions
        // fills 64-128 KiB batches; 5 ms of linger lets concurrent HTTP appends share requests; lz4 costs the
        // least CPU per byte saved, which matters more than ratio with the broker on the same two cores.
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "tandem-event-log-" + INSTANCES.incrementAndGet());
        properties.putAll(settings.extraProducerProperties());

        // The contract (KafkaEventLogSettings refuses these keys as extras): durable on every in-sync replica,
        // no duplicates or reordering from the producer's own retries, bounded time.
        long deliveryMs = settings.deliveryTimeout().toMillis();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs);
        // Half the delivery timeout: one hung request still leaves time for a retry on a new connection.
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (deliveryMs / 2));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
        return properties;
    }
}
