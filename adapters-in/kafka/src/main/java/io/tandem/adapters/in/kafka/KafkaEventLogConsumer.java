package io.tandem.adapters.in.kafka;

import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.domain.TimeWindow;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Reads the event log topic on its own thread for one purpose (one consumer group): every record is judged as
 * {@code POST /v1/events} would judge it, and a record that fails is quarantined in the dead-letter topic
 * ({@link RecordQuarantine}, ADR-0020) while the consumer goes on. Valid ones go to an {@link EventLogHandler}
 * partition by partition in offset order, and an offset is committed only when the handler allows it and every
 * dead letter before it is acknowledged ({@link PartitionOffsets}).
 *
 * <p>When the handler fails (its store is down), nothing is committed: each partition of the failed batch is
 * released and read again from its last committed offset after an exponential, capped backoff, so the handler
 * catches up from the log once its store is back, and no event is skipped.
 */
public final class KafkaEventLogConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventLogConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    private static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration THREAD_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaEventLogConsumerSettings settings;
    private final EventLogHandler handler;
    private final TimeWindow window;
    private final Runnable quarantined;
    private final ConsumerThread thread;
    private final FlushRequests flushRequests;
    private volatile Consumer<byte[], byte[]> consumer;

    // Confined to the consumer thread.
    private Producer<byte[], byte[]> producer;
    private RecordQuarantine quarantine;
    private PartitionOffsets offsets;
    private final RetryBackoff backoff = new RetryBackoff(FIRST_RETRY, LAST_RETRY);
    private boolean flushFailed;
    private long outageStartedNanos;
    private long lastRecordsNanos;
    private boolean flushed = true;

    /**
     * @param window      the times an event may carry, the same window {@code POST /v1/events} applies
     * @param quarantined called once for each record sent to the dead-letter topic (a metric counts them); a record
     *                    read again after a failure or a rebalance is not counted twice by this consumer
     */
    public KafkaEventLogConsumer(KafkaEventLogConsumerSettings settings, EventLogHandler handler, TimeWindow window,
                                 Runnable quarantined) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.window = Objects.requireNonNull(window, "window");
        this.quarantined = Objects.requireNonNull(quarantined, "quarantined");
        this.thread = new ConsumerThread("tandem-event-log-" + settings.groupId(),
                "Event log consumer " + settings.groupId(), THREAD_STOP_TIMEOUT);
        this.flushRequests = new FlushRequests(settings.topic());
    }

    /** Connects and starts consuming on a thread of its own; a consumer starts once. */
    public void start() {
        thread.start(() -> {
            KafkaConsumer<byte[], byte[]> kafkaConsumer = EventLogClients.consumer(settings);
            try {
                producer = EventLogClients.deadLetterProducer(settings);
            } catch (RuntimeException e) {
                kafkaConsumer.close(CloseOptions.timeout(Duration.ZERO));
                throw e;
            }
            quarantine = new RecordQuarantine(settings, window, quarantined,
                    new DeadLetters(producer, settings.deadLetterTopic()));
            offsets = new PartitionOffsets(settings.groupId(), handler, kafkaConsumer);
            consumer = kafkaConsumer;
        }, this::run);
    }

    /**
     * Stops consuming: the handler flushes, every partition is released and what that allows is committed, then
     * the clients close. Waits for the consumer thread to end.
     */
    @Override
    public void close() {
        thread.stop(() -> consumer.wakeup());
    }

    /**
     * Has the handler flush now, on the consumer thread between two polls (at most a poll timeout away), and says
     * for each of {@code partitions} up to which offset the handler is known to hold the log: for a partition this
     * consumer reads and that has no failed batch pending, its position (every record before it was handed over,
     * and the flush wrote them all); for any other, the group's commit (its offset, or the durable position its
     * owner's last flush recorded beside it). A train job's lake barrier waits on it (ADR-0021).
     *
     * @return the offsets known, by partition; empty when no answer came within {@code timeout}
     */
    public Map<Integer, Long> flushAndReport(Set<Integer> partitions, Duration timeout) {
        try {
            return flushRequests.ask(partitions, timeout);
        } catch (ExecutionException e) {
            LOG.warn("Event log consumer {} ({}) could not flush on request", settings.groupId(), handler,
                    e.getCause());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private void run() {
        LOG.info("Event log consumer {} ({}) reading {}", settings.groupId(), handler, settings.topic());
        try {
            consumer.subscribe(List.of(settings.topic()), offsets.rebalanceListener());
            lastRecordsNanos = System.nanoTime();
            while (thread.isOpen()) {
                try {
                    pollOnce();
                    flushRequests.serve(consumer, handler, offsets, () -> {
                        flushed = true;
                        offsets.commitFlushed();
                    });
                } catch (WakeupException e) {
                    // close() woke a blocking call; the loop condition ends the loop.
                } catch (InterruptException e) {
                    LOG.error("Event log consumer {} was interrupted and stops", settings.groupId(), e);
                    return;
                } catch (RuntimeException e) {
                    if (!waitBeforeRetry(e)) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Event log consumer {} stopped unexpectedly", settings.groupId(), e);
        } finally {
            shutDown();
        }
    }

    private void pollOnce() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
        if (!records.isEmpty()) {
            lastRecordsNanos = System.nanoTime();
            flushed = false;
            process(records);
            offsets.succeeded(records);
        } else if (!flushed && System.nanoTime() - lastRecordsNanos >= settings.idleFlush().toNanos()) {
            // Stays set if the flush throws, so the outage lasts until a flush gets through.
            flushFailed = true;
            handler.flush();
            flushed = true;
            flushFailed = false;
            offsets.commitFlushed();
        }
        if (!offsets.anyFailed() && !flushFailed) {
            recovered();
        }
    }

    /** Hands one poll's valid events to the handler and commits what it allows; rewinds the poll if any step fails. */
    private void process(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
                offsets.reading(partition, batch);
                List<LoggedEvent> valid = quarantine.sort(partition, batch);
                OptionalLong committable = handler.handle(partition.partition(), valid,
                        PartitionOffsets.nextOffset(batch));
                offsets.allow(partition, committable, commits);
            }
            quarantine.awaitAcknowledged();
            offsets.commit(commits);
        } catch (RuntimeException e) {
            quarantine.discardPending();
            offsets.rewind(records);
            throw e;
        }
    }

    /** Logs the first failure of an outage only, and waits; false when close() came first. */
    private boolean waitBeforeRetry(RuntimeException failure) {
        Duration delay = backoff.failed();
        if (backoff.failures() == 1) {
            outageStartedNanos = System.nanoTime();
            LOG.warn("Event log consumer {} ({}) failed; committing nothing, re-reading from the last committed "
                    + "offsets and retrying with backoff up to {} until it recovers", settings.groupId(), handler,
                    LAST_RETRY, failure);
        } else {
            LOG.debug("Event log consumer {} failed again (attempt {})", settings.groupId(), backoff.failures(),
                    failure);
        }
        return thread.pause(delay);
    }

    private void recovered() {
        if (backoff.failures() > 0) {
            LOG.info("Event log consumer {} ({}) recovered after {} failed attempts in {} ms", settings.groupId(),
                    handler, backoff.failures(), (System.nanoTime() - outageStartedNanos) / 1_000_000);
            backoff.succeeded();
        }
    }

    private void shutDown() {
        try {
            try {
                handler.flush();
            } catch (RuntimeException e) {
                LOG.warn("Event log consumer {} ({}) could not flush while closing; the next consumer rebuilds "
                        + "from the committed offsets", settings.groupId(), handler, e);
            }
            offsets.commitReleased(consumer.assignment());
        } catch (RuntimeException e) {
            LOG.warn("Event log consumer {} did not close cleanly", settings.groupId(), e);
        } finally {
            closeQuietly(() -> consumer.close(CloseOptions.timeout(CLIENT_CLOSE_TIMEOUT)));
            closeQuietly(() -> producer.close(CLIENT_CLOSE_TIMEOUT));
            LOG.info("Event log consumer {} ({}) stopped", settings.groupId(), handler);
        }
    }

    private void closeQuietly(Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warn("Event log consumer {} could not close a Kafka client", settings.groupId(), e);
        }
    }
}
