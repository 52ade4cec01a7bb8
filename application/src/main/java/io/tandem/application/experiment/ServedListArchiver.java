package io.tandem.application.experiment;

import io.tandem.application.experiment.port.out.WriteServedListsLakePort;
import io.tandem.domain.experiment.attribution.ServedList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the served lists to the lake in batches (ADR-0026), so that online metrics can be rebuilt from it: serving
 * {@linkplain #offer offers} each list, which only queues it; a batch is written on the {@code flusher} as soon as
 * {@code batchSize} lists wait, by the caller's schedule ({@link #flush()}, every few seconds), and at shutdown
 * ({@link #close()}). A write that fails is logged and counted, and its lists stay queued for the next flush; at most
 * {@code maxPending} lists wait, beyond which the oldest are dropped and counted. Nothing here ever fails a request.
 *
 * <p>Each batch is a file of its own, named {@code served-<instance>-<sequence>} (unique per process start), so two
 * instances or a restart never replace each other's files.
 */
public final class ServedListArchiver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServedListArchiver.class.getName());
    private static final long LOG_EVERY = 1_000;

    private final WriteServedListsLakePort lake;
    private final int batchSize;
    private final int maxPending;
    private final Executor flusher;
    private final String instance = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Deque<ServedList> pending = new ArrayDeque<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private long sequence;

    /**
     * @param batchSize  how many waiting lists start a write (1 or more)
     * @param maxPending how many lists may wait at most (at least {@code batchSize})
     * @param flusher    where the writes that a full batch starts run, off the serving thread
     */
    public ServedListArchiver(WriteServedListsLakePort lake, int batchSize, int maxPending, Executor flusher) {
        this.lake = Objects.requireNonNull(lake, "lake");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, got " + batchSize);
        }
        if (maxPending < batchSize) {
            throw new IllegalArgumentException("maxPending must be at least batchSize (" + batchSize + "), got "
                    + maxPending);
        }
        this.batchSize = batchSize;
        this.maxPending = maxPending;
        this.flusher = Objects.requireNonNull(flusher, "flusher");
    }

    /** Queues a served list for the lake; never throws for the lake's sake. */
    public void offer(ServedList list) {
        Objects.requireNonNull(list, "list");
        boolean full;
        synchronized (pending) {
            pending.addLast(list);
            trimToMaxPending();
            full = pending.size() >= batchSize;
        }
        if (full && flushQueued.compareAndSet(false, true)) {
            try {
                flusher.execute(() -> {
                    flushQueued.set(false);
                    flush();
                });
            } catch (RejectedExecutionException e) {
                // Shutting down: close() writes what waits.
                flushQueued.set(false);
            }
        }
    }

    /**
     * Writes every waiting list, a batch of at most {@code batchSize} at a time, stopping at the first failure (its
     * lists stay queued). Returns how many lists were written.
     */
    public synchronized int flush() {
        int count = 0;
        while (true) {
            List<ServedList> batch = new ArrayList<>(batchSize);
            synchronized (pending) {
                while (batch.size() < batchSize && !pending.isEmpty()) {
                    batch.add(pending.pollFirst());
                }
            }
            if (batch.isEmpty()) {
                return count;
            }
            String batchId = "served-" + instance + "-" + String.format("%012d", sequence);
            try {
                lake.writeServedLists(batchId, batch);
                sequence++;
                written.addAndGet(batch.size());
                count += batch.size();
            } catch (RuntimeException e) {
                long failures = failedWrites.incrementAndGet();
                if (failures % LOG_EVERY == 1) {
                    LOG.log(System.Logger.Level.WARNING, batch.size() + " served lists could not be written to the "
                            + "lake; retried with the next flush (" + failures + " failed writes so far): "
                            + e.getMessage());
                }
                synchronized (pending) {
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        pending.addFirst(batch.get(i));
                    }
                    trimToMaxPending();
                }
                return count;
            }
        }
    }

    /** Writes what waits; a list offered afterwards waits for a flush that may not come. */
    @Override
    public void close() {
        flush();
        long waiting = pending();
        if (waiting > 0) {
            LOG.log(System.Logger.Level.WARNING, waiting + " served lists were not written to the lake at shutdown");
        }
    }

    private void trimToMaxPending() {
        while (pending.size() > maxPending) {
            pending.pollFirst();
            long lost = dropped.incrementAndGet();
            if (lost % LOG_EVERY == 1) {
                LOG.log(System.Logger.Level.WARNING, "the lake is behind: served lists dropped (" + lost
                        + " so far); metrics rebuilt from the lake will miss them");
            }
        }
    }

    /** How many lists were written to the lake. */
    public long written() {
        return written.get();
    }

    /** How many batch writes failed (their lists were retried or, past {@code maxPending}, dropped). */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** How many lists were dropped because too many waited. */
    public long dropped() {
        return dropped.get();
    }

    /** How many lists wait to be written. */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }
}
