package io.tandem.adapters.in.bench;

import io.tandem.adapters.shared.kafka.DurablePosition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * How far the event log's consumer groups are, read from Kafka alone, so {@code bench ingest} can tell when the
 * online store and the lake hold every accepted event without reading either (reading the whole lake every few
 * seconds cost the measured process as much CPU as archiving it).
 *
 * <p>A group has caught up when, on every partition, its commit reaches the log's stable end less one: every append
 * is a transaction, so the last entry of a partition is a commit marker, which consumers step over without
 * committing past it. The lake archiver commits the start of its open chunk and records how far its last flush made
 * the log durable as the commit's metadata ({@link DurablePosition}, ADR-0021); that position counts for it.
 */
final class ConsumerGroupProgress implements AutoCloseable {

    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String topic;

    ConsumerGroupProgress(String bootstrapServers, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "tandem-bench-ingest"));
        this.topic = topic;
    }

    /**
     * Waits until every one of {@code groupIds} has caught up, watching all of them at once, and returns each
     * group's {@link System#nanoTime()} when it was first seen caught up (in the order given), so a group that
     * finishes first is not charged for the others; empty when {@code patience} ran out first. {@code onCaughtUp}
     * hears each group as it catches up.
     */
    Optional<long[]> awaitEachCaughtUp(List<String> groupIds, Duration patience, IntConsumer onCaughtUp)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long[] caughtUpAt = new long[groupIds.size()];
        boolean[] done = new boolean[groupIds.size()];
        int left = groupIds.size();
        while (left > 0) {
            for (int i = 0; i < groupIds.size(); i++) {
                if (!done[i] && caughtUp(groupIds.get(i))) {
                    caughtUpAt[i] = System.nanoTime();
                    done[i] = true;
                    left--;
                    onCaughtUp.accept(i);
                }
            }
            if (left > 0) {
                if (System.nanoTime() >= deadline) {
                    return Optional.empty();
                }
                Thread.sleep(250);
            }
        }
        return Optional.of(caughtUpAt);
    }

    private boolean caughtUp(String groupId) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions()
                    .forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                long stableEnd = end.getValue().offset();
                if (stableEnd > 0 && DurablePosition.reached(committed.get(end.getKey())) < stableEnd - 1) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            // The group may not have committed yet, or the broker is slow: not caught up, ask again.
            return false;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
