package io.tandem.adapters.in.kafka;

import io.tandem.application.serving.port.in.ServingModelStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model change listener on the real broker (scripts/services.sh up kafka), a topic of each test's own, and a
 * refresh use case that counts its calls.
 */
class KafkaModelChangesListenerIT {

    private static final String BOOTSTRAP = EventTopicFixture.BOOTSTRAP;
    private static final String MODEL = "two-stage";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicBoolean failNextRefresh = new AtomicBoolean();
    private String topic;
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void setUp() {
        topic = "it.models." + UUID.randomUUID().toString().substring(0, 8);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterEach
    void tearDown() {
        producer.close();
        admin.deleteTopics(List.of(topic));
        admin.close();
    }

    @Test
    void skipsUnreadableRecordsAndOtherModelsAndRefreshesOnTheNextGoodChange() throws Exception {
        createTopic();
        send(change(MODEL, "before-start"));
        try (KafkaModelChangesListener listener = startListener()) {
            // Positioned at the end, then one refresh for whatever was published before.
            awaitTrue(() -> refreshes.get() == 1);

            send(change("another-model", "v1"));
            send("{not json".getBytes(StandardCharsets.UTF_8));
            send("{\"name\":\"two-stage\",\"stage\":\"champion\"}".getBytes(StandardCharsets.UTF_8));
            send(null);
            awaitTrue(() -> listener.skippedRecords() == 3);
            assertThat(refreshes.get()).as("refreshes after only unreadable records and another model's").isEqualTo(1);

            send(change(MODEL, "v2"));
            awaitTrue(() -> refreshes.get() == 2);
            // The record published before start was not replayed: exactly one refresh per change.
            Thread.sleep(1_000);
            assertThat(refreshes.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailingRefreshDoesNotStopTheListener() throws Exception {
        createTopic();
        try (KafkaModelChangesListener listener = startListener()) {
            awaitTrue(() -> refreshes.get() == 1);
            failNextRefresh.set(true);
            send(change(MODEL, "v1"));
            awaitTrue(() -> refreshes.get() == 2);

            send(change(MODEL, "v2"));
            awaitTrue(() -> refreshes.get() == 3);
            assertThat(failNextRefresh.get()).isFalse();
        }
    }

    @Test
    void aTopicCreatedAfterStartIsFoundAndRead() throws Exception {
        try (KafkaModelChangesListener listener = startListener()) {
            Thread.sleep(1_500);
            assertThat(refreshes.get()).as("no refresh before the topic exists").isZero();

            createTopic();
            awaitTrue(() -> refreshes.get() == 1);
            send(change(MODEL, "v1"));
            awaitTrue(() -> refreshes.get() == 2);
        }
    }

    private KafkaModelChangesListener startListener() {
        KafkaModelChangesListener listener = new KafkaModelChangesListener(
                new KafkaModelChangesListenerSettings(BOOTSTRAP, topic, MODEL, Duration.ofMillis(200)), () -> {
                    refreshes.incrementAndGet();
                    if (failNextRefresh.getAndSet(false)) {
                        throw new IllegalStateException("registry unreachable (test)");
                    }
                    return new ServingModelStatus(Optional.empty(), Optional.empty());
                });
        listener.start();
        return listener;
    }

    private void createTopic() throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        // Answered only once a leader has loaded the partition: producing earlier draws retries.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all()
                        .get(2, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static byte[] change(String model, String version) {
        return ("{\"name\":\"" + model + "\",\"version\":\"" + version
                + "\",\"stage\":\"champion\",\"changedAt\":\"2026-11-22T10:15:30Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void send(byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, MODEL, value)).get(10, TimeUnit.SECONDS);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }
}
