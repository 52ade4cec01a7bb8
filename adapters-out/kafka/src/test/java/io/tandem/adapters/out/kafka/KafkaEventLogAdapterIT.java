package io.tandem.adapters.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.adapters.out.kafka.EventTopicReader.LoggedEvent;
import io.tandem.domain.interaction.Event;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The adapter against the shared broker that {@code scripts/services.sh up kafka} starts. */
class KafkaEventLogAdapterIT {

    static final String BOOTSTRAP = System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

    private static final List<String> CREATED_TOPICS = new ArrayList<>();
    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
    }

    @AfterAll
    static void deleteTopics() throws Exception {
        // Unique topics per test keep runs independent; deleting them keeps the shared broker tidy.
        admin.deleteTopics(CREATED_TOPICS).all().get(30, TimeUnit.SECONDS);
        admin.close(Duration.ofSeconds(5));
    }

    private static KafkaEventLogSettings settings(String topic, int partitions) {
        CREATED_TOPICS.add(topic);
        return new KafkaEventLogSettings(BOOTSTRAP, topic, partitions, (short) 1, Duration.ofSeconds(5), Map.of());
    }

    private static String uniqueTopic(String purpose) {
        return "tandem.events.it-" + purpose + "-" + UUID.randomUUID();
    }

    @Test
    void appendedEventsComeBackKeyedByUserInOrderAndComplete() {
        KafkaEventLogSettings settings = settings(uniqueTopic("round-trip"), 6);
        List<Event> sent = EventFixture.varied("rt", 5_000, 97);
        try (KafkaEventLogAdapter adapter = new KafkaEventLogAdapter(settings)) {
            for (int from = 0; from < sent.size(); from += 1_000) {
                adapter.append(sent.subList(from, from + 1_000));
            }
        }

        List<LoggedEvent> logged = EventTopicReader.readAll(BOOTSTRAP, settings.topic());

        assertThat(logged).hasSize(sent.size());
        assertThat(logged).allSatisfy(record -> assertThat(record.key()).isEqualTo(record.event().user().value()));
        // Full equality of every field, and nothing lost or doubled.
        assertThat(logged.stream().map(LoggedEvent::event).toList()).containsExactlyInAnyOrderElementsOf(sent);
        // Per user: one partition, and the append order.
        Map<String, List<LoggedEvent>> byUser = logged.stream()
                .collect(Collectors.groupingBy(LoggedEvent::key, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Event>> sentByUser = sent.stream()
                .collect(Collectors.groupingBy(event -> event.user().value(), LinkedHashMap::new, Collectors.toList()));
        assertThat(byUser.keySet()).containsExactlyInAnyOrderElementsOf(sentByUser.keySet());
        byUser.forEach((user, records) -> {
            assertThat(records.stream().map(LoggedEvent::partition).distinct()).hasSize(1);
            assertThat(records.stream().map(LoggedEvent::event).toList()).isEqualTo(sentByUser.get(user));
        });
        // 97 users over 6 partitions: keys really spread.
        assertThat(logged.stream().map(LoggedEvent::partition).distinct().count()).isEqualTo(6);
    }

    @Test
    void concurrentAppendsAreAllDurable() throws Exception {
        KafkaEventLogSettings settings = settings(uniqueTopic("concurrent"), 6);
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        List<Event> sent = new ArrayList<>();
        // Own threads: the common pool has a single thread on two cores, which would serialize the callers.
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (KafkaEventLogAdapter adapter = new KafkaEventLogAdapter(settings)) {
            for (int caller = 0; caller < 8; caller++) {
                List<Event> batch = EventFixture.varied("c" + caller, 250, 20);
                sent.addAll(batch);
                appends.add(CompletableFuture.runAsync(() -> adapter.append(batch), callers));
            }
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            callers.shutdown();
        }

        assertThat(EventTopicReader.readAll(BOOTSTRAP, settings.topic()).stream().map(LoggedEvent::event))
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void createsTheTopicWithTheConfiguredPartitionsAndKeepsAnExistingOne() throws Exception {
        String topic = uniqueTopic("partitions");
        try (KafkaEventLogAdapter first = new KafkaEventLogAdapter(settings(topic, 6))) {
            assertThat(partitionsOf(topic)).isEqualTo(6);
        }
        // A second start with another partition count tolerates the existing topic and leaves it as it is.
        List<Event> events = EventFixture.varied("again", 10, 3);
        try (KafkaEventLogAdapter second = new KafkaEventLogAdapter(settings(topic, 3))) {
            second.append(events);
        }

        assertThat(partitionsOf(topic)).isEqualTo(6);
        assertThat(EventTopicReader.readAll(BOOTSTRAP, topic).stream().map(LoggedEvent::event))
                .containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void anEmptyAppendWritesNothing() {
        KafkaEventLogSettings settings = settings(uniqueTopic("empty"), 1);
        try (KafkaEventLogAdapter adapter = new KafkaEventLogAdapter(settings)) {
            adapter.append(List.of());
        }

        assertThat(EventTopicReader.readAll(BOOTSTRAP, settings.topic())).isEmpty();
    }

    private static int partitionsOf(String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(topic);
        return description.partitions().size();
    }
}
