package io.tandem.adapters.out.kafka;

import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.application.ingestion.port.out.AppendEventsPort;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventLogUnavailableException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production event log: appends each batch of events to a Kafka topic in one Kafka transaction, keyed by
 * user id so one user's events stay in order on one partition, as JSON in the public event wire format, and
 * returns only once the transaction is committed on all in-sync replicas.
 *
 * <p>Readers must consume with {@code isolation.level=read_committed}: they then see every event of a successful
 * append and none of a failed one, even when some of its records reached the log before the failure (those stay
 * in the log as aborted records, which read_committed consumers skip, so the client's retry cannot double them).
 *
 * <p>Thread-safe: appends borrow one of a small pool of transactional producers
 * ({@link KafkaEventLogSettings#producers()}), since a producer runs one transaction at a time. Each append pays
 * for a commit (one round trip, plus a marker per partition it wrote to), so callers should append in batches. A
 * producer left in an unusable state is replaced on its next use, so the same instance keeps working after the
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
    private final TransactionalProducerPool producers;

    /**
     * Creates the topic when it is missing and opens the producers. Kafka being down is not fatal here: the topic
     * is then created by the first append that reaches it, the producers register their transactional ids on
     * first use, and appends fail until then.
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
        // Waiting out the appends in progress on close takes no longer than one append may take.
        this.producers = new TransactionalProducerPool(producerProperties(settings), settings.transactionalIdPrefix(),
                settings.producers(), settings.deliveryTimeout().plus(ACKNOWLEDGEMENT_GRACE));
        LOG.info("Kafka event log for topic {}: {} transactional producers {}", settings.topic(), settings.producers(),
                producers.transactionalIds());
    }

    /**
     * Appends the events as one transaction: sends every event, waits for all acknowledgements, then commits. The
     * wait for a free producer, its registration, the sends and the acknowledgements together take at most the
     * delivery timeout plus {@link #ACKNOWLEDGEMENT_GRACE}; the commit, which normally takes one round trip, at
     * most the delivery timeout more.
     *
     * @throws EventLogUnavailableException when any event is refused, not acknowledged in time, or the commit
     *                                      fails; the transaction is then never committed (aborted in the
     *                                      background, or fenced by the producer's replacement), so read_committed
     *                                      consumers see none of the events. The one outcome Kafka cannot settle in
     *                                      time is a commit whose answer never arrives because the transaction
     *                                      coordinator failed at that moment: the exception then says that the
     *                                      commit is in doubt
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
        TransactionalProducer transactional = producers.borrow(deadline, RETRY_AFTER);
        boolean committed = false;
        try {
            appendInOneTransaction(transactional, events, deadline);
            committed = true;
        } finally {
            if (committed) {
                producers.giveBack(transactional);
            } else {
                producers.giveBackAfterAbort(transactional);
            }
        }
    }

    /** Returns only once the transaction is committed; whatever it leaves behind otherwise, the caller aborts. */
    private void appendInOneTransaction(TransactionalProducer transactional, List<Event> events, long deadline) {
        Producer<String, byte[]> producer;
        try {
            producer = transactional.ready();
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException here and below: the adapter was closed under a running append (shutdown).
            throw unavailable("Kafka did not register transactional producer " + transactional.transactionalId()
                    + ": " + describe(e), e);
        }
        try {
            producer.beginTransaction();
            sendAndAwaitAcknowledgements(producer, events, deadline);
        } catch (KafkaException | IllegalStateException e) {
            throw unavailable("Kafka refused the transaction for topic " + settings.topic() + ": " + describe(e), e);
        }
        try {
            producer.commitTransaction();
        } catch (TimeoutException | InterruptException e) {
            // Every record was acknowledged, so the commit request went out and only its answer is missing: the
            // coordinator may have recorded the commit before it failed. The client refuses to abort a commit it
            // started, so the producer is replaced instead.
            transactional.discard();
            LOG.warn("Commit of {} events to topic {} by {} is in doubt: no answer from the transaction coordinator"
                    + " in time", events.size(), settings.topic(), transactional.transactionalId());
            throw unavailable("Kafka did not confirm the commit of " + events.size() + " events for topic "
                    + settings.topic() + " in time, so the commit is in doubt: " + describe(e), e);
        } catch (KafkaException | IllegalStateException e) {
            throw unavailable("Kafka refused to commit the transaction for topic " + settings.topic() + ": "
                    + describe(e), e);
        }
    }

    private void sendAndAwaitAcknowledgements(Producer<String, byte[]> producer, List<Event> events, long deadline) {
        Acknowledgements acknowledgements = new Acknowledgements(events.size());
        for (Event event : events) {
            // A failed record fails the append, so sending the rest would only add work and, while the
            // cluster is unreachable, a metadata wait of max.block.ms for each of them.
            if (acknowledgements.hasFailed() || System.nanoTime() - deadline > 0) {
                break;
            }
            // The key is the user id in UTF-8, as any producer of this topic writes it, so the default
            // partitioner puts a user's events on one partition whoever sent them.
            producer.send(new ProducerRecord<>(settings.topic(), event.user().value(), EventWireFormat.encode(event)),
                    acknowledgements);
        }
        // Waiting here rather than in commitTransaction keeps the slow part within the append's deadline, and
        // leaves the commit a single request whose timeout means exactly "answer lost".
        acknowledgements.await(deadline, settings.topic(), RETRY_AFTER);
    }

    /**
     * Refuses new appends, waits for those in progress (at most the delivery timeout plus
     * {@link #ACKNOWLEDGEMENT_GRACE}), then releases the producers.
     */
    @Override
    public void close() {
        producers.close();
    }

    private static EventLogUnavailableException unavailable(String message, Throwable cause) {
        return new EventLogUnavailableException(message, RETRY_AFTER, cause);
    }

    /** The exception's message and, when it wraps one, its cause: a transaction in error names only the latter. */
    private static String describe(Throwable e) {
        Throwable cause = e.getCause();
        return cause == null || cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }

    /** What every producer of the pool shares; the pool adds each one's transactional and client id. */
    static Properties producerProperties(KafkaEventLogSettings settings) {
        Properties properties = new Properties();
        // Throughput defaults: one ingest batch (up to 10,000 events of ~200 bytes) spread over the partitions
        // fills 64-128 KiB batches; lz4 costs the least CPU per byte saved, which matters more than ratio with
        // the broker on the same two cores.
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
        // Longer than an append keeps its transaction open (acknowledgements, then the commit: about twice the
        // delivery timeout at worst), and otherwise short: it is how long a transaction left open by a crashed
        // process holds back read_committed consumers of its partitions before the coordinator aborts it.
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) (3 * deliveryMs));
        return properties;
    }
}
