package io.tandem.adapters.in.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * A fresh event topic and dead-letter topic on the real broker (scripts/services.sh up kafka), with a plain
 * producer for the test's records and read-backs of what the consumers did to the log.
 */
final class EventTopicFixture implements AutoCloseable {

    static final String BOOTSTRAP = System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    static final Instant T0 = Instant.parse("2025-03-01T22:00:00Z");

    final String topic;
    final String deadLetterTopic;
    final int partitions;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    EventTopicFixture(String purpose, int partitions) {
        String unique = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.topic = "it.events." + unique;
        this.deadLetterTopic = topic + ".dlq";
        this.partitions = partitions;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1),
                    new NewTopic(deadLetterTopic, 1, (short) 1))).all().get();
            // Answered only by a leader that has loaded the partition. Producing earlier draws NOT_LEADER
            // retries, and a retried first batch of an idempotent producer can then be refused as out of
            // sequence for good.
            Map<TopicPartition, OffsetSpec> everyPartition = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                everyPartition.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            everyPartition.put(new TopicPartition(deadLetterTopic, 0), OffsetSpec.latest());
            awaitLeaders(everyPartition);
        } catch (InterruptedException | ExecutionException e) {
            admin.close();
            throw new IllegalStateException("cannot create test topics on " + BOOTSTRAP
                    + " (is Kafka up? scripts/services.sh up kafka)", e);
        }
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private void awaitLeaders(Map<TopicPartition, OffsetSpec> partitions)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                admin.listOffsets(partitions).all().get();
                return;
            } catch (ExecutionException e) {
                // A topic just created may be unknown to the metadata cache for a moment.
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** Settings for a consumer of this topic: short poll and idle times keep the tests fast. */
    KafkaEventLogConsumerSettings settings(String group, Map<String, String> extraProperties) {
        return new KafkaEventLogConsumerSettings(BOOTSTRAP, topic, deadLetterTopic, group, Duration.ofMillis(100),
                Duration.ofMillis(300), extraProperties);
    }

    /** Sends one record keyed by user (as the producer adapter does) and waits for the acknowledgement. */
    RecordMetadata send(String key, String value) {
        return sendAll(Collections.singletonList(new String[] {key, value})).get(0);
    }

    /** Sends records ({key, value} pairs) in order and waits for every acknowledgement. */
    List<RecordMetadata> sendAll(List<String[]> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String[] record : records) {
            sent.add(producer.send(new ProducerRecord<>(topic, record[0], record[1])));
        }
        List<RecordMetadata> acknowledged = new ArrayList<>();
        try {
            for (Future<RecordMetadata> future : sent) {
                acknowledged.add(future.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("test records were not acknowledged", e);
        }
        return acknowledged;
    }

    /** Clicks {@code e<from>..e<to-1>} by 30 users on 20 items, one minute apart, keyed by user. */
    static List<String[]> clicks(int from, int to) {
        List<String[]> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String user = "u" + i % 30;
            records.add(new String[] {user, event("e" + i, "click", user, "i" + i % 20,
                    T0.plus(Duration.ofMinutes(i)).toString())});
        }
        return records;
    }

    /** The wire format of the event topic (DESIGN.md section 4), as the producer adapter writes it. */
    static String event(String id, String type, String user, String item, String time) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\",\"time\":\"" + time + "\",\"context\":{\"surface\":\"home\",\"position\":3}}";
    }

    /** The dead letters, once {@code expected} have arrived (or whatever arrived within the timeout). */
    List<ConsumerRecord<String, String>> deadLetters(int expected, Duration timeout) {
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            TopicPartition partition = new TopicPartition(deadLetterTopic, 0);
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * How far the group's commits say the handler holds each partition (the offset, or the durable position a flush
     * recorded beside it), as a train job's barrier on an instance that does not own the partition reads it; 0 where
     * it committed nothing.
     */
    Map<Integer, Long> durable(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> durable = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, p));
                durable.put(p, offset == null ? 0L : PartitionOffsets.durable(offset));
            }
            return durable;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The group's committed offset per partition of the event topic; 0 where it committed nothing. */
    Map<Integer, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> committed = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, p));
                committed.put(p, offset == null ? 0L : offset.offset());
            }
            return committed;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The offset after the last record, per partition of the event topic. */
    Map<Integer, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((partition, info) ->
                    ends.put(partition.partition(), info.offset()));
            return ends;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds; fails with the message after the timeout. */
    static void eventually(Duration timeout, String message, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + message);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + message, e);
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        try {
            admin.deleteTopics(List.of(topic, deadLetterTopic)).all().get();
        } catch (InterruptedException | ExecutionException e) {
            // Leftover test topics carry unique names and harm no other test.
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
