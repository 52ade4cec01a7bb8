package io.tandem.adapters.in.kafka;

import io.tandem.application.ingestion.port.in.LoggedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The resume points of a failed batch, on Kafka's own in-memory consumer (no broker: only positions matter here). */
class PartitionOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P2 = new TopicPartition("events", 2);

    private final List<Integer> released = new ArrayList<>();
    private final EventLogHandler handler = new EventLogHandler() {
        @Override
        public OptionalLong handle(int partition, List<LoggedEvent> events, long nextOffset) {
            return OptionalLong.of(nextOffset);
        }

        @Override
        public void flush() {
        }

        @Override
        public OptionalLong release(int partition) {
            released.add(partition);
            return OptionalLong.empty();
        }
    };

    @Test
    void aFailedBatchIsReadAgainFromEachPartitionsStartEvenWhereTheFailureCameBeforeIt() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P2));
        PartitionOffsets offsets = new PartitionOffsets("group", handler, consumer);
        // Partition 0 was read from 40 (its commit) and handed over; the batch failed on it, before partition 2's
        // first records, from 30, were reached.
        ConsumerRecords<byte[], byte[]> batch = new ConsumerRecords<>(Map.of(P0, records(P0, 50, 70),
                P2, records(P2, 30, 60)), Map.of());
        offsets.reading(P0, records(P0, 40, 50));
        consumer.seek(P0, 70);
        consumer.seek(P2, 60);

        offsets.rewind(batch);

        assertThat(consumer.position(P0)).isEqualTo(40);
        // Before the fix, partition 2 kept its position (60) and its records 30..59 were never handed over.
        assertThat(consumer.position(P2)).isEqualTo(30);
        assertThat(released).containsExactlyInAnyOrder(0, 2);
        assertThat(offsets.failed(P0)).isTrue();
        assertThat(offsets.failed(P2)).isTrue();
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(TopicPartition partition, long from, long to) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0],
                    new byte[0]));
        }
        return records;
    }
}
