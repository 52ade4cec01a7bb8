package io.tandem.adapters.out.kafka;

import io.tandem.domain.interaction.EventLogUnavailableException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acknowledgements of one append: completes when every record is acknowledged, or at the first failure,
 * so a failing append does not wait out the records still in flight. One callback for all records instead of
 * a future each keeps the send loop allocation-light.
 */
final class Acknowledgements implements Callback {

    private final AtomicInteger pending;
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    Acknowledgements(int records) {
        this.pending = new AtomicInteger(records);
    }

    /** Runs on the producer's I/O thread, so it only counts and completes. */
    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            outcome.completeExceptionally(exception);
        } else if (pending.decrementAndGet() == 0) {
            outcome.complete(null);
        }
    }

    boolean hasFailed() {
        return outcome.isCompletedExceptionally();
    }

    /**
     * Returns once every record is acknowledged.
     *
     * @throws EventLogUnavailableException at the first failed record, or when {@code deadlineNanos} (a
     *                                      {@link System#nanoTime()} value) passes first
     */
    void await(long deadlineNanos, String topic, Duration retryAfter) {
        try {
            outcome.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new EventLogUnavailableException("Kafka did not accept every event for topic " + topic + ": "
                    + e.getCause(), retryAfter, e.getCause());
        } catch (TimeoutException e) {
            throw new EventLogUnavailableException(pending.get() + " events for topic " + topic
                    + " were not acknowledged in time", retryAfter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogUnavailableException("interrupted while waiting for Kafka to acknowledge events for topic "
                    + topic, retryAfter, e);
        }
    }
}
