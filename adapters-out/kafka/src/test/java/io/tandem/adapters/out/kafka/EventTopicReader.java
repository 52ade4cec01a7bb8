package io.tandem.adapters.out.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a whole topic back with a plain consumer and decodes the wire format with Jackson, independently of the
 * adapter's encoder, so the tests check what a consumer would see: by default a read_committed one, as Tandem's
 * consumers are.
 */
final class EventTopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("id", "type", "userId", "itemId", "time", "value", "context");
    private static final Set<String> CONTEXT_MEMBERS = Set.of("surface", "requestId", "position");

    /** One record as read back: where it sits, its key and its decoded event. */
    record LoggedEvent(int partition, long offset, String key, Event event) {
    }

    private EventTopicReader() {
    }

    /**
     * Every committed record of {@code topic}, as Tandem's consumers read it ({@code isolation.level=read_committed}):
     * partition by partition in offset order, skipping aborted records, read up to the end of the log. A commit's
     * markers are written just after the append returns, so this waits until the stable offset reaches the end.
     */
    static List<LoggedEvent> readAll(String bootstrap, String topic) {
        return read(bootstrap, topic, IsolationLevel.READ_COMMITTED);
    }

    /** Every record of {@code topic} as the log holds it, aborted transactions' records included. */
    static List<LoggedEvent> readAllIncludingAborted(String bootstrap, String topic) {
        return read(bootstrap, topic, IsolationLevel.READ_UNCOMMITTED);
    }

    private static List<LoggedEvent> read(String bootstrap, String topic, IsolationLevel isolation) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = logEndOffsets(bootstrap, partitions);
            List<LoggedEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " (" + isolation + ") up to " + ends
                            + " within 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new LoggedEvent(record.partition(), record.offset(), record.key(), decode(record.value())));
                }
            }
            return events;
        }
    }

    /**
     * The high watermarks, whatever the reader's isolation: a read_committed consumer's own end offsets are the
     * last stable offsets, which may still lag behind a just-committed transaction.
     */
    private static Map<TopicPartition, Long> logEndOffsets(String bootstrap, List<TopicPartition> partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not list the end offsets of " + partitions, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while listing end offsets", e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** Decodes one value strictly: only the documented members, with their documented JSON types. */
    static Event decode(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            requireOnly(node, MEMBERS);
            JsonNode context = node.get("context");
            requireOnly(context, CONTEXT_MEMBERS);
            return new Event(new EventId(text(node, "id")),
                    EventType.fromWireName(text(node, "type")).orElseThrow(),
                    new UserId(text(node, "userId")), new ItemId(text(node, "itemId")),
                    Instant.parse(text(node, "time")),
                    node.has("value") ? OptionalDouble.of(number(node, "value").doubleValue()) : OptionalDouble.empty(),
                    new EventContext(Optional.ofNullable(context.has("surface") ? text(context, "surface") : null),
                            Optional.ofNullable(context.has("requestId") ? text(context, "requestId") : null),
                            context.has("position") ? OptionalInt.of(number(context, "position").intValue())
                                    : OptionalInt.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireOnly(JsonNode node, Set<String> members) {
        if (node == null || !node.isObject()) {
            throw new AssertionError("expected a JSON object, got " + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new AssertionError("unexpected member " + name + " in " + node);
            }
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode child = node.get(member);
        if (child == null || !child.isTextual()) {
            throw new AssertionError(member + " must be a JSON string in " + node);
        }
        return child.textValue();
    }

    private static Number number(JsonNode node, String member) {
        JsonNode child = node.get(member);
        if (child == null || !child.isNumber()) {
            throw new AssertionError(member + " must be a JSON number in " + node);
        }
        return child.numberValue();
    }
}
