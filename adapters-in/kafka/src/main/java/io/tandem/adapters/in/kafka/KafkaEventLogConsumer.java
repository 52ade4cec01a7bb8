package io.tandem.adapters.in.kafka;

import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.application.port.in.LoggedEvent;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.interaction.EventValidation;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the event log topic on its own thread for one purpose (one consumer group): every record is read by the
 * shared event wire format and validated through the shared {@link io.tandem.domain.interaction.EventSubmission}
 * rules and time window, exactly as {@code POST /v1/events} would; a record that fails is quarantined in the
 * dead-letter topic (ADR-0020), counted, and its reason logged once, and the consumer goes on. Valid ones go to an
 * {@link EventLogHandler} partition by partition in offset order, and an offset is committed only when the handler
 * allows it and every dead letter before it is acknowledged.
 *
 * <p>When the handler fails (its store is down), nothing is committed: each partition of the failed batch is
 * released and read again from its last committed offset after an exponential, capped backoff, so the handler
 * catches up from the log once its store is back, and no event is skipped.
 */
public final class KafkaEventLogConsumer implements AutoCloseable {

    /** Large polls keep the per-batch costs (one store call, one commit) small against 50,000 events/s. */
    static final int DEFAULT_MAX_POLL_RECORDS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventLogConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** Longer than the producer's delivery timeout below, so the producer gives the verdict, not this wait. */
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration THREAD_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaEventLogConsumerSettings settings;
    private final EventLogHandler handler;
    private final TimeWindow window;
    private final Runnable quarantined;
    private final ConsumerThread thread;
    private volatile Consumer<byte[], byte[]> consumer;
    /** Flushes asked for by other threads, served on the consumer thread between two polls. */
    private final Queue<FlushRequest> flushRequests = new ConcurrentLinkedQueue<>();

    // Confined to the consumer thread (the rebalance listener runs inside poll, on that thread).
    private Producer<byte[], byte[]> producer;
    private DeadLetters deadLetters;
    /** Per partition, where reading resumes after a failure or a crash: its committed offset. */
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    private final RetryBackoff backoff = new RetryBackoff(FIRST_RETRY, LAST_RETRY);
    /**
     * Per partition of a failed batch, the offset reading must get past before the outage counts as over: a
     * re-read batch that happens to stop short of the failing write proves nothing.
     */
    private final Map<TopicPartition, Long> failedUpTo = new HashMap<>();
    /** Per partition, the offset after the last quarantined record already logged and counted. */
    private final Map<TopicPartition, Long> quarantinedUpTo = new HashMap<>();
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
    }

    /** Connects and starts consuming on a thread of its own; a consumer starts once. */
    public void start() {
        thread.start(() -> {
            KafkaConsumer<byte[], byte[]> kafkaConsumer = new KafkaConsumer<>(consumerConfig());
            try {
                producer = new KafkaProducer<>(producerConfig());
            } catch (RuntimeException e) {
                kafkaConsumer.close(CloseOptions.timeout(Duration.ZERO));
                throw e;
            }
            deadLetters = new DeadLetters(producer, settings.deadLetterTopic());
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
     * and the flush wrote them all); for any other, the group's committed offset. A train job's lake barrier waits
     * on it (ADR-0021).
     *
     * @return the offsets known, by partition; empty when no answer came within {@code timeout}
     */
    public Map<Integer, Long> flushAndReport(Set<Integer> partitions, Duration timeout) {
        FlushRequest request = new FlushRequest(Set.copyOf(partitions), new CompletableFuture<>());
        flushRequests.add(request);
        try {
            return request.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            flushRequests.remove(request);
            return Map.of();
        } catch (ExecutionException e) {
            LOG.warn("Event log consumer {} ({}) could not flush on request", settings.groupId(), handler,
                    e.getCause());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DEFAULT_MAX_POLL_RECORDS);
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

    private Map<String, Object> producerConfig() {
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

    private void run() {
        LOG.info("Event log consumer {} ({}) reading {}", settings.groupId(), handler, settings.topic());
        try {
            consumer.subscribe(List.of(settings.topic()), new Rebalance());
            lastRecordsNanos = System.nanoTime();
            while (thread.isOpen()) {
                try {
                    pollOnce();
                    serveFlushRequests();
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
            for (TopicPartition partition : records.partitions()) {
                long next = nextOffset(records.records(partition));
                failedUpTo.computeIfPresent(partition, (p, failed) -> next >= failed ? null : failed);
            }
        } else if (!flushed && System.nanoTime() - lastRecordsNanos >= settings.idleFlush().toNanos()) {
            // Stays set if the flush throws, so the outage lasts until a flush gets through.
            flushFailed = true;
            handler.flush();
            flushed = true;
            flushFailed = false;
        }
        if (failedUpTo.isEmpty() && !flushFailed) {
            recovered();
        }
    }

    /** One flush for every request waiting, then each gets the offsets it asked for. */
    private void serveFlushRequests() {
        if (flushRequests.isEmpty()) {
            return;
        }
        List<FlushRequest> waiting = new ArrayList<>();
        for (FlushRequest request = flushRequests.poll(); request != null; request = flushRequests.poll()) {
            waiting.add(request);
        }
        try {
            handler.flush();
            flushed = true;
            Set<TopicPartition> assigned = consumer.assignment();
            Map<Integer, Long> reached = new HashMap<>();
            Set<TopicPartition> elsewhere = new HashSet<>();
            for (FlushRequest request : waiting) {
                for (int number : request.partitions()) {
                    TopicPartition partition = new TopicPartition(settings.topic(), number);
                    if (!assigned.contains(partition)) {
                        elsewhere.add(partition);
                    } else if (!failedUpTo.containsKey(partition)) {
                        reached.put(number, consumer.position(partition, CLIENT_CLOSE_TIMEOUT));
                    }
                }
            }
            if (!elsewhere.isEmpty()) {
                consumer.committed(elsewhere, CLIENT_CLOSE_TIMEOUT).forEach((partition, committed) -> {
                    if (committed != null) {
                        reached.put(partition.partition(), committed.offset());
                    }
                });
            }
            for (FlushRequest request : waiting) {
                Map<Integer, Long> answer = new HashMap<>();
                request.partitions().forEach(number -> {
                    Long offset = reached.get(number);
                    if (offset != null) {
                        answer.put(number, offset);
                    }
                });
                request.answer().complete(answer);
            }
        } catch (RuntimeException e) {
            waiting.forEach(request -> request.answer().completeExceptionally(e));
            throw e;
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
                resumeAt.putIfAbsent(partition, batch.get(0).offset());
                List<LoggedEvent> valid = new ArrayList<>(batch.size());
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    EventValidation verdict = validate(record);
                    if (verdict instanceof EventValidation.Valid) {
                        valid.add(new LoggedEvent(record.partition(), record.offset(),
                                ((EventValidation.Valid) verdict).event()));
                    } else {
                        EventValidation.Invalid invalid = (EventValidation.Invalid) verdict;
                        deadLetters.send(record, invalid.field(), invalid.message());
                        firstSight(partition, record, invalid);
                    }
                }
                OptionalLong committable = handler.handle(partition.partition(), valid, nextOffset(batch));
                // Commits only move forward: a handler may name an offset below one committed earlier when
                // the records in between held nothing for it.
                if (committable.isPresent() && committable.getAsLong() > resumeAt.get(partition)) {
                    commits.put(partition, new OffsetAndMetadata(committable.getAsLong()));
                }
            }
            deadLetters.awaitAcknowledged(DEAD_LETTER_TIMEOUT);
            if (!commits.isEmpty()) {
                commitDespiteWakeup(commits);
                commits.forEach((partition, offset) -> resumeAt.put(partition, offset.offset()));
            }
        } catch (RuntimeException e) {
            deadLetters.discardPending();
            rewind(records);
            throw e;
        }
    }

    private static long nextOffset(List<ConsumerRecord<byte[], byte[]>> batch) {
        return batch.get(batch.size() - 1).offset() + 1;
    }

    /** The record's verdict; any record the shared rules cannot even judge is invalid, never a blocker. */
    private EventValidation validate(ConsumerRecord<byte[], byte[]> record) {
        // The log's timestamp is when the event was accepted: the reference for "too far in the future" and the
        // time of events that carry none.
        Instant receivedAt = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
        try {
            return EventWireFormat.record(record.value()).validate(window, receivedAt);
        } catch (RuntimeException e) {
            LOG.debug("Record {}-{}@{} could not be judged", record.topic(), record.partition(), record.offset(), e);
            return new EventValidation.Invalid("event", "could not be read");
        }
    }

    /** Logs and counts a quarantined record the first time this consumer meets it. */
    private void firstSight(TopicPartition partition, ConsumerRecord<byte[], byte[]> record,
                            EventValidation.Invalid invalid) {
        if (record.offset() < quarantinedUpTo.getOrDefault(partition, 0L)) {
            return;
        }
        quarantinedUpTo.put(partition, record.offset() + 1);
        quarantined.run();
        LOG.warn("Event log consumer {} quarantined {}-{}@{} in {}: {}: {}", settings.groupId(), record.topic(),
                record.partition(), record.offset(), settings.deadLetterTopic(), invalid.field(), invalid.message());
    }

    /**
     * Undoes a failed batch: each of its partitions is released (so the handler drops what it built from it) and
     * read again from its committed offset. Nothing of it was committed.
     */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            failedUpTo.merge(partition, nextOffset(records.records(partition)), Math::max);
            try {
                handler.release(partition.partition());
            } catch (RuntimeException e) {
                LOG.debug("Releasing {} after a failed batch failed too", partition, e);
            }
            Long offset = resumeAt.get(partition);
            if (offset != null && assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
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

    /** Releases the partitions and commits the offsets the handler still allows for them. */
    private void commitReleased(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (TopicPartition partition : partitions) {
            failedUpTo.remove(partition);
            Long committed = resumeAt.remove(partition);
            OptionalLong releasable;
            try {
                releasable = handler.release(partition.partition());
            } catch (RuntimeException e) {
                LOG.warn("Releasing {} failed; its next owner resumes from the last commit", partition, e);
                continue;
            }
            if (releasable.isPresent() && (committed == null || releasable.getAsLong() > committed)) {
                commits.put(partition, new OffsetAndMetadata(releasable.getAsLong()));
            }
        }
        if (commits.isEmpty()) {
            return;
        }
        try {
            commitDespiteWakeup(commits);
        } catch (KafkaException e) {
            // Safe to lose: the previous commit is older, so the next owner only re-reads more.
            LOG.warn("Event log consumer {} could not commit released partitions {}; they resume from the "
                    + "previous commit", settings.groupId(), commits.keySet(), e);
        }
    }

    /**
     * Commits even when close() has just woken the consumer: only close() wakes it, and finishing the commit of
     * work already done is part of closing gracefully. The wake-up is spent by the first attempt.
     */
    private void commitDespiteWakeup(Map<TopicPartition, OffsetAndMetadata> commits) {
        try {
            consumer.commitSync(commits);
        } catch (WakeupException e) {
            consumer.commitSync(commits);
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
            commitReleased(consumer.assignment());
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

    /** A flush asked for by another thread, and the offsets it wants to hear about. */
    private record FlushRequest(Set<Integer> partitions, CompletableFuture<Map<Integer, Long>> answer) {
    }

    /** Commits what a departing partition allows before it moves; forgets lost ones (their commit is stale). */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitReleased(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                resumeAt.remove(partition);
                failedUpTo.remove(partition);
                try {
                    handler.release(partition.partition());
                } catch (RuntimeException e) {
                    LOG.debug("Releasing lost partition {} failed", partition, e);
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Resume points are learned from each partition's first batch, which starts at its committed offset.
        }
    }
}
