package io.tandem.adapters.in.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter topic: each invalid record is sent there with its original key, value and headers plus the
 * reason and its source position (a key or value too large to send again is left out and named in a header), and {@link #awaitAcknowledged} blocks until the brokers have every one of them,
 * which the consumer needs before its commit may pass them.
 */
final class DeadLetters {

    static final String ERROR_FIELD = "tandem.error.field";
    static final String ERROR_MESSAGE = "tandem.error.message";
    static final String SOURCE_TOPIC = "tandem.source.topic";
    static final String SOURCE_PARTITION = "tandem.source.partition";
    static final String SOURCE_OFFSET = "tandem.source.offset";
    /** Names the parts left out of an oversized dead letter ({@code key}, {@code value} or both). */
    static final String OMITTED = "tandem.error.omitted";

    /**
     * Key or value larger than this is left out: a record near the broker's size limit plus our headers would be
     * refused by the dead-letter topic, and a dead letter that can never be written would block the log forever.
     */
    static final int MAX_PART_BYTES = 512 * 1024;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    DeadLetters(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    void send(ConsumerRecord<byte[], byte[]> record, String field, String message) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(ERROR_FIELD, utf8(field));
        headers.add(ERROR_MESSAGE, utf8(message));
        headers.add(SOURCE_TOPIC, utf8(record.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        byte[] key = record.key();
        byte[] value = record.value();
        boolean keyTooLarge = key != null && key.length > MAX_PART_BYTES;
        boolean valueTooLarge = value != null && value.length > MAX_PART_BYTES;
        if (keyTooLarge || valueTooLarge) {
            headers.add(OMITTED, utf8(keyTooLarge && valueTooLarge ? "key,value" : keyTooLarge ? "key" : "value"));
            key = keyTooLarge ? null : key;
            value = valueTooLarge ? null : value;
        }
        // No timestamp of our own: the broker stamps the dead letter now, so the topic's time retention keeps it
        // for its full period even when the bad record itself is old.
        pending.add(producer.send(new ProducerRecord<>(topic, null, null, key, value, headers)));
    }

    /** Waits until every dead letter sent since the last call is acknowledged; throws if one was not. */
    void awaitAcknowledged(Duration timeout) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            producer.flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<RecordMetadata> acknowledgement : pending) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new KafkaException("dead-letter topic " + topic + " did not take a record", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("dead-letter topic " + topic + " did not acknowledge within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } finally {
            pending.clear();
        }
    }

    /** Forgets unacknowledged sends: their batch failed and will send them again. */
    void discardPending() {
        pending.clear();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
