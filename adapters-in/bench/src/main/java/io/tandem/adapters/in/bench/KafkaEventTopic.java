package io.tandem.adapters.in.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event topic as an outside producer writes to it ({@code bench quality --via kafka}): one record per event,
 * keyed by user id, the value the event's JSON object in the wire format, {@code acks=all}. A batch returns once
 * every record of it is acknowledged.
 */
final class KafkaEventTopic implements AutoCloseable {

    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    KafkaEventTopic(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "tandem-bench-quality",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the events, each a JSON object with a {@code userId}; returns once all are acknowledged. */
    void send(List<String> events, List<String> userIds) throws InterruptedException {
        List<Future<?>> acks = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            acks.add(producer.send(new ProducerRecord<>(topic, userIds.get(i).getBytes(StandardCharsets.UTF_8),
                    events.get(i).getBytes(StandardCharsets.UTF_8))));
        }
        producer.flush();
        for (Future<?> ack : acks) {
            try {
                ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused an event on " + topic + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an event on " + topic + " within "
                        + ACK_TIMEOUT_SECONDS + " s", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
