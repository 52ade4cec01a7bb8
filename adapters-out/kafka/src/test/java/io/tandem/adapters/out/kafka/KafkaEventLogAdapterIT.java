package io.tandem.adapters.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.adapters.out.kafka.EventTopicReader.LoggedEvent;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventLogUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The adapter against the shared broker that {@code scripts/services.sh up kafka} starts. */
class KafkaEventLogAdapterIT {

    static final String BOOTSTRAP = System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

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
        List<Event> sent = KafkaEvents.varied("rt", 5_000, 97);
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
                List<Event> batch = KafkaEvents.varied("c" + caller, 250, 20);
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
        List<Event> events = KafkaEvents.varied("again", 10, 3);
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

    @Test
    void aFailedAppendLeavesNoneOfItsEventsVisibleAndItsRetryLandsExactlyOnce() throws Exception {
        // One partition, so the records before the oversized one are in earlier produce requests and really reach
        // the log before the broker refuses the oversized one. Every event is small (ADR-0019 bounds them), so the
        // topic's limit is set below the largest event and the producer's batches kept below that limit.
        String topic = uniqueTopic("atomic");
        CREATED_TOPICS.add(topic);
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaEvents.OVERSIZED_LIMIT)))))
                .all().get(30, TimeUnit.SECONDS);
        List<Event> batch = new ArrayList<>(KafkaEvents.varied("atomic-head", 1_000, 13));
        batch.add(KafkaEvents.oversized("atomic-oversized", "u-big"));
        batch.addAll(KafkaEvents.varied("atomic-tail", 1_000, 13));
        Set<String> batchIds = batch.stream().map(event -> event.id().value()).collect(Collectors.toSet());

        try (KafkaEventLogAdapter adapter = new KafkaEventLogAdapter(
                new KafkaEventLogSettings(BOOTSTRAP, topic, 1, (short) 1, Duration.ofSeconds(5),
                        Map.of("batch.size", "300")))) {
            assertThatThrownBy(() -> adapter.append(batch)).isInstanceOf(EventLogUnavailableException.class)
                    .hasMessageContaining("RecordTooLargeException").hasRootCauseInstanceOf(RecordTooLargeException.class);

            // Part of the batch is in the log, yet a read_committed consumer sees none of it.
            assertThat(EventTopicReader.readAllIncludingAborted(BOOTSTRAP, topic).stream()
                    .map(logged -> logged.event().id().value())).isNotEmpty().allMatch(batchIds::contains);
            assertThat(EventTopicReader.readAll(BOOTSTRAP, topic)).isEmpty();

            // The client retries the same batch once the topic takes it, with the same adapter.
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2000000"),
                            AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            appendOnceTheBrokerAppliesTheLimit(adapter, batch);
        }

        Map<String, Long> copies = EventTopicReader.readAll(BOOTSTRAP, topic).stream()
                .collect(Collectors.groupingBy(logged -> logged.event().id().value(), Collectors.counting()));
        assertThat(copies.keySet()).isEqualTo(batchIds);
        assertThat(copies.values()).allMatch(count -> count == 1L);
        // The aborted first attempt's records are still physically there: without the transaction they would be
        // the duplicates the lake archiver copies.
        assertThat(EventTopicReader.readAllIncludingAborted(BOOTSTRAP, topic)).hasSizeGreaterThan(batch.size());
    }

    @Test
    void twoAdaptersWithTheSameSettingsDoNotFenceEachOther() {
        KafkaEventLogSettings settings = settings(uniqueTopic("two-instances"), 3);
        List<Event> first = KafkaEvents.varied("first", 200, 11);
        List<Event> second = KafkaEvents.varied("second", 200, 11);
        List<Event> third = KafkaEvents.varied("third", 200, 11);
        try (KafkaEventLogAdapter one = new KafkaEventLogAdapter(settings);
             KafkaEventLogAdapter other = new KafkaEventLogAdapter(settings)) {
            one.append(first);
            // Registering a transactional id that "one" holds would fence its producer and fail its next append.
            other.append(second);
            one.append(third);
        }

        assertThat(EventTopicReader.readAll(BOOTSTRAP, settings.topic()).stream().map(LoggedEvent::event))
                .hasSize(600).containsAll(first).containsAll(second).containsAll(third);
    }

    /** Topic configuration reaches the broker's log shortly after the controller accepts it. */
    private static void appendOnceTheBrokerAppliesTheLimit(KafkaEventLogAdapter adapter, List<Event> batch)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                adapter.append(batch);
                return;
            } catch (EventLogUnavailableException e) {
                if (attempt == 10) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static int partitionsOf(String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(topic);
        return description.partitions().size();
    }
}
