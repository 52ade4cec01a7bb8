package io.tandem.adapters.out.kafka;

import io.tandem.domain.interaction.EventLogUnavailableException;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of {@link TransactionalProducer}s that appends borrow one at a time, since a Kafka producer runs
 * one transaction at a time. The transactional ids are the configured prefix, a random id drawn for this pool
 * and the producer's index: unique per process and per adapter, so neither two Tandem instances nor two adapters
 * in one process fence each other.
 */
final class TransactionalProducerPool implements AutoCloseable {

    private final List<TransactionalProducer> producers;
    // Last in, first out: under light load the same few producers stay registered and keep their connections warm.
    private final LinkedBlockingDeque<TransactionalProducer> idle = new LinkedBlockingDeque<>();
    // One thread per producer at most, so that aborts during an outage do not queue behind each other.
    private final ThreadPoolExecutor aborts;
    private final Duration closeTimeout;
    private volatile boolean closed;

    /**
     * Opens {@code size} producers configured with {@code common} plus their own transactional and client ids.
     *
     * @param closeTimeout how long {@link #close()} waits for appends in progress, which are bounded themselves
     */
    TransactionalProducerPool(Properties common, String transactionalIdPrefix, int size, Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
        List<String> ids = transactionalIds(transactionalIdPrefix, size);
        String clientId = common.getProperty(ProducerConfig.CLIENT_ID_CONFIG);
        List<TransactionalProducer> opened = new ArrayList<>(size);
        try {
            for (int index = 0; index < size; index++) {
                Properties properties = new Properties();
                properties.putAll(common);
                properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ids.get(index));
                // Distinct client ids keep the producers' metrics and log lines apart.
                properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + index);
                opened.add(new TransactionalProducer(properties));
            }
        } catch (RuntimeException e) {
            opened.forEach(producer -> producer.close(Duration.ZERO));
            throw e;
        }
        this.producers = List.copyOf(opened);
        idle.addAll(opened);
        AtomicInteger threads = new AtomicInteger();
        this.aborts = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, clientId + "-abort-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Failures are rare: no thread stays around for them.
        aborts.allowCoreThreadTimeOut(true);
    }

    /** {@code count} transactional ids: {@code prefix-<random id>-<index>}, with a random id drawn per call. */
    static List<String> transactionalIds(String prefix, int count) {
        String poolId = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            ids.add(prefix + "-" + poolId + "-" + index);
        }
        return ids;
    }

    List<String> transactionalIds() {
        return producers.stream().map(TransactionalProducer::transactionalId).toList();
    }

    /**
     * Waits until a producer is free, at most until {@code deadlineNanos} (a {@link System#nanoTime()} value).
     * The caller must {@link #giveBack} it.
     *
     * @throws EventLogUnavailableException when none is free in time, or the pool is closed
     */
    TransactionalProducer borrow(long deadlineNanos, Duration retryAfter) {
        if (closed) {
            throw new EventLogUnavailableException("the Kafka event log adapter is closed", retryAfter, null);
        }
        TransactionalProducer producer;
        try {
            producer = idle.pollFirst(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogUnavailableException("interrupted while waiting for a free Kafka producer", retryAfter, e);
        }
        if (producer == null) {
            throw new EventLogUnavailableException("all " + producers.size()
                    + " Kafka producers stayed busy with other appends until the deadline", retryAfter, null);
        }
        return producer;
    }

    void giveBack(TransactionalProducer producer) {
        idle.offerFirst(producer);
    }

    /**
     * Takes back a producer whose append failed, once its transaction is aborted. The abort runs on a thread of
     * the pool's own, because it can block for {@code max.block.ms} while the coordinator is unreachable and the
     * failed append must not overrun its bound; meanwhile the producer is not lent out.
     */
    void giveBackAfterAbort(TransactionalProducer producer) {
        try {
            aborts.execute(() -> {
                try {
                    producer.abandonTransaction();
                } finally {
                    giveBack(producer);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: the producer is about to be closed, which leaves the transaction to the coordinator.
            producer.discard();
            giveBack(producer);
        }
    }

    /**
     * Refuses new appends, waits at most the close timeout for the appends in progress to give their producers
     * back (a failed append's producer comes back once its abort ends), then closes every producer; one still
     * borrowed after that is closed under its append, which then fails.
     */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            for (int returned = 0; returned < producers.size(); returned++) {
                if (idle.pollFirst(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) == null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TransactionalProducer producer : producers) {
            producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        // An abort still running fails at once on its closed producer.
        aborts.shutdown();
    }
}
