package io.tandem.adapters.in.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Flushes asked for by other threads (a train job's lake barrier, ADR-0021) and served on the consumer thread
 * between two polls: one flush for every request waiting, then each learns up to which offset the handler holds
 * the partitions it asked about.
 */
final class FlushRequests {

    /** How long the consumer waits on the brokers for a position or a committed offset while answering. */
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final Queue<FlushRequest> waiting = new ConcurrentLinkedQueue<>();

    FlushRequests(String topic) {
        this.topic = topic;
    }

    /**
     * Asks for a flush from any thread and waits for the answer.
     *
     * @return the offsets known, by partition; empty when no answer came within {@code timeout}
     * @throws ExecutionException when the flush failed
     */
    Map<Integer, Long> ask(Set<Integer> partitions, Duration timeout) throws ExecutionException,
            InterruptedException {
        FlushRequest request = new FlushRequest(Set.copyOf(partitions), new CompletableFuture<>());
        waiting.add(request);
        try {
            return request.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            waiting.remove(request);
            return Map.of();
        }
    }

    /**
     * On the consumer thread: flushes the handler once for every request waiting, then answers each. For a
     * partition this consumer reads and that has no failed batch pending, the answer is its position (every record
     * before it was handed over, and the flush wrote them all); for any other, the group's commit: its offset, or the
     * durable position its owner's last flush recorded beside it.
     *
     * @param flushed told as soon as the handler's flush went through
     */
    void serve(Consumer<byte[], byte[]> consumer, EventLogHandler handler, PartitionOffsets offsets,
               Runnable flushed) {
        if (waiting.isEmpty()) {
            return;
        }
        List<FlushRequest> served = new ArrayList<>();
        for (FlushRequest request = waiting.poll(); request != null; request = waiting.poll()) {
            served.add(request);
        }
        try {
            handler.flush();
            flushed.run();
            Map<Integer, Long> reached = reached(consumer, offsets, served);
            for (FlushRequest request : served) {
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
            served.forEach(request -> request.answer().completeExceptionally(e));
            throw e;
        }
    }

    private Map<Integer, Long> reached(Consumer<byte[], byte[]> consumer, PartitionOffsets offsets,
                                       List<FlushRequest> served) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<Integer, Long> reached = new HashMap<>();
        Set<TopicPartition> elsewhere = new HashSet<>();
        for (FlushRequest request : served) {
            for (int number : request.partitions()) {
                TopicPartition partition = new TopicPartition(topic, number);
                if (!assigned.contains(partition)) {
                    elsewhere.add(partition);
                } else if (!offsets.failed(partition)) {
                    reached.put(number, consumer.position(partition, BROKER_TIMEOUT));
                }
            }
        }
        if (!elsewhere.isEmpty()) {
            consumer.committed(elsewhere, BROKER_TIMEOUT).forEach((partition, committed) -> {
                if (committed != null) {
                    reached.put(partition.partition(), PartitionOffsets.durable(committed));
                }
            });
        }
        return reached;
    }

    /** A flush asked for by another thread, and the offsets it wants to hear about. */
    private record FlushRequest(Set<Integer> partitions, CompletableFuture<Map<Integer, Long>> answer) {
    }
}
