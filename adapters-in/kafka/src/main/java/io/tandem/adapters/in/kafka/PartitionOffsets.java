package io.tandem.adapters.in.kafka;

import io.tandem.adapters.shared.kafka.DurablePosition;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where each partition of an event log consumer stands: the offset it resumes from (its last commit), the batches
 * that failed and must be read again, and the commits, which only move forward and only as far as the handler
 * allows. A failed batch is rewound: its partitions are released (the handler drops what it built from them) and
 * read again from their committed offsets. A partition leaving this consumer commits what the handler still
 * allows for it. Confined to the consumer thread (the rebalance listener runs inside poll, on that thread).
 */
final class PartitionOffsets {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionOffsets.class);

    private final String groupId;
    private final EventLogHandler handler;
    private final Consumer<byte[], byte[]> consumer;
    /** Per partition, where reading resumes after a failure or a crash: its committed offset. */
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    /**
     * Per partition of a failed batch, the offset reading must get past before the outage counts as over: a
     * re-read batch that happens to stop short of the failing write proves nothing.
     */
    private final Map<TopicPartition, Long> failedUpTo = new HashMap<>();

    PartitionOffsets(String groupId, EventLogHandler handler, Consumer<byte[], byte[]> consumer) {
        this.groupId = groupId;
        this.handler = handler;
        this.consumer = consumer;
    }

    static long nextOffset(List<ConsumerRecord<byte[], byte[]>> batch) {
        return batch.get(batch.size() - 1).offset() + 1;
    }

    /** Learns a partition's resume point from its first batch, which starts at its committed offset. */
    void reading(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> batch) {
        resumeAt.putIfAbsent(partition, batch.get(0).offset());
    }

    /**
     * Adds the commit {@code committable} allows for {@code partition} to {@code commits}, when it moves forward: a
     * handler may name an offset below one committed earlier when the records in between held nothing for it.
     */
    void allow(TopicPartition partition, OptionalLong committable, Map<TopicPartition, OffsetAndMetadata> commits) {
        if (committable.isPresent() && committable.getAsLong() > resumeAt.get(partition)) {
            commits.put(partition, new OffsetAndMetadata(committable.getAsLong()));
        }
    }

    /** Commits {@code commits}, which become the partitions' resume points. */
    void commit(Map<TopicPartition, OffsetAndMetadata> commits) {
        if (!commits.isEmpty()) {
            commitDespiteWakeup(commits);
            commits.forEach((partition, offset) -> resumeAt.put(partition, offset.offset()));
        }
    }

    /**
     * After the handler's flush went through, every record handed over is durable: each assigned partition read so
     * far, without a failed batch pending, records its position as the commit's metadata ({@link #durable}), beside
     * an unchanged resume offset (a restart still rebuilds the open chunk whole). Another instance's train job reads
     * it as the lake barrier of a partition it does not own (ADR-0021); without it, a handler that allows only the
     * start of its open chunk keeps the group's commit behind data already written, and that barrier waits for the
     * next chunk. Safe to lose: the barrier then waits for a later flush.
     */
    void commitFlushed() {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        try {
            for (TopicPartition partition : consumer.assignment()) {
                Long resume = resumeAt.get(partition);
                if (resume == null || failed(partition)) {
                    continue;
                }
                long position = consumer.position(partition);
                if (position > resume) {
                    commits.put(partition, new OffsetAndMetadata(resume, DurablePosition.metadata(position)));
                }
            }
            if (!commits.isEmpty()) {
                commitDespiteWakeup(commits);
            }
        } catch (KafkaException e) {
            LOG.warn("Event log consumer {} could not record the positions a flush made durable {}; the barrier "
                    + "of another instance waits for a later flush", groupId, commits.keySet(), e);
        }
    }

    /**
     * How far the handler is known to hold a partition, from its group's commit: the commit's offset, or the durable
     * position a flush recorded beside it ({@link #commitFlushed}), whichever is further. The format lives in
     * {@link DurablePosition}, which {@code bench ingest} reads too.
     */
    static long durable(OffsetAndMetadata committed) {
        return DurablePosition.reached(committed);
    }

    /** A batch went through: each of its partitions read past the batch that failed, if any, is over it. */
    void succeeded(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            long next = nextOffset(records.records(partition));
            failedUpTo.computeIfPresent(partition, (p, failed) -> next >= failed ? null : failed);
        }
    }

    /** True while some partition has not yet been read past a batch that failed. */
    boolean anyFailed() {
        return !failedUpTo.isEmpty();
    }

    /** True when {@code partition} has a failed batch pending: its position proves nothing yet. */
    boolean failed(TopicPartition partition) {
        return failedUpTo.containsKey(partition);
    }

    /**
     * Undoes a failed batch: each of its partitions is released (so the handler drops what it built from it) and
     * read again from its committed offset. Nothing of it was committed.
     */
    void rewind(ConsumerRecords<byte[], byte[]> records) {
        Collection<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            failedUpTo.merge(partition, nextOffset(records.records(partition)), Math::max);
            try {
                handler.release(partition.partition());
            } catch (RuntimeException e) {
                LOG.debug("Releasing {} after a failed batch failed too", partition, e);
            }
            // A partition the failed batch never reached has no resume point yet: its records in the batch start
            // where this consumer began reading it, and nothing of them was handed over.
            Long offset = resumeAt.get(partition);
            if (offset == null) {
                offset = records.records(partition).get(0).offset();
            }
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        }
    }

    /** Releases the partitions and commits the offsets the handler still allows for them. */
    void commitReleased(Collection<TopicPartition> partitions) {
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
                    + "previous commit", groupId, commits.keySet(), e);
        }
    }

    /** Forgets partitions taken away without a chance to commit: their commits are stale. */
    void lost(Collection<TopicPartition> partitions) {
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

    /** The listener that commits what a departing partition allows before it moves, and forgets lost ones. */
    ConsumerRebalanceListener rebalanceListener() {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commitReleased(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                lost(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Resume points are learned from each partition's first batch, which starts at its committed offset.
            }
        };
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
}
