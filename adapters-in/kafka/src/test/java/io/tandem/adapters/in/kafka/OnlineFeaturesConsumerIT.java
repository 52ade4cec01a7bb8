package io.tandem.adapters.in.kafka;

import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.application.feature.UpdateOnlineFeaturesService;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.feature.port.out.ApplyFeatureUpdatesPort;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.interaction.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.tandem.adapters.in.kafka.EventTopicFixture.clicks;
import static io.tandem.adapters.in.kafka.EventTopicFixture.event;
import static io.tandem.adapters.in.kafka.EventTopicFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The online-features consumer against the real broker, with the real service and the in-memory store. */
class OnlineFeaturesConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final FeaturePolicy policy = FeaturePolicy.defaults();
    private final InMemoryOnlineFeaturesAdapter store =
            new InMemoryOnlineFeaturesAdapter(policy.popularityHalfLife(), policy.recentItemsCap());
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void validEventsReachTheStoreOnceAndEveryOffsetIsCommitted() {
        EventTopicFixture log = fixture("online-valid");
        List<String[]> records = new ArrayList<>(clicks(0, 400));
        // A client retrying: the same events again, which the store must count once.
        records.addAll(clicks(100, 150));
        // Numeric ids and epoch-millisecond times, as the HTTP API accepts them.
        records.add(new String[] {"77", "{\"id\":9001,\"type\":\"rating\",\"userId\":77,\"itemId\":5,"
                + "\"time\":" + EventTopicFixture.T0.toEpochMilli() + ",\"value\":4}"});
        log.sendAll(records);

        start(log, "online-valid", service(store));

        eventually(WAIT, "all 401 distinct events in the store", () -> totalEvents() == 401);
        eventually(WAIT, "every offset committed", () -> log.committed("online-valid").equals(log.endOffsets()));
        assertThat(store.userCounts(new UserId("77")).count(EventType.RATING)).isEqualTo(1);
        assertThat(totalEvents()).isEqualTo(401);
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndGoodOnesAreAllProcessed() {
        EventTopicFixture log = fixture("online-mixed");
        List<String[]> bad = List.of(
                new String[] {"u1", "this is {not json"},
                new String[] {"u2", event("b2", "teleport", "u2", "i1", EventTopicFixture.T0.toString())},
                new String[] {"u3", "{\"id\":\"b3\",\"type\":\"click\",\"itemId\":\"i1\"}"},
                new String[] {"u4", "[1,2,3]"},
                new String[] {"u5", "{\"id\":\"b5\",\"type\":\"rating\",\"userId\":\"u5\",\"itemId\":\"i1\","
                        + "\"value\":42}"},
                // The strictness of POST /v1/events holds on the topic too (ADR-0019).
                new String[] {"u7", "{\"id\":\"b7\",\"type\":\"click\",\"userId\":\" u7\",\"itemId\":\"i1\"}"},
                new String[] {"u8", "{\"id\":\"b8\",\"type\":\"click\",\"userId\":\"u8\",\"itemId\":\"i1\","
                        + "\"timestamp\":1}"},
                new String[] {"u9", "{\"id\":\"b9\",\"type\":\"click\",\"userId\":\"u9\",\"itemId\":\"i1\","
                        + "\"time\":\"-300000-01-01T00:00:00Z\"}"});
        List<String> expectedFields = List.of("event", "type", "userId", "event", "value", "userId", "timestamp",
                "time");
        List<String[]> good = clicks(0, 300);
        List<RecordMetadata> badPositions = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            log.sendAll(good.subList(i * 300 / bad.size(), (i + 1) * 300 / bad.size()));
            badPositions.add(log.send(bad.get(i)[0], bad.get(i)[1]));
        }
        // Too large to dead-letter whole (with headers it could exceed the topic's limit): sent without its value.
        RecordMetadata hugePosition = log.send("u6", "x".repeat(DeadLetters.MAX_PART_BYTES + 1));

        AtomicInteger quarantined = new AtomicInteger();
        start(log, "online-mixed", service(store), quarantined);

        eventually(WAIT, "all 300 good events in the store", () -> totalEvents() == 300);
        assertThat(quarantined).as("each quarantined record counted once").hasValue(bad.size() + 1);
        eventually(WAIT, "every offset committed, bad ones too",
                () -> log.committed("online-mixed").equals(log.endOffsets()));
        List<ConsumerRecord<String, String>> all = log.deadLetters(bad.size() + 1, WAIT);
        assertThat(all).hasSize(bad.size() + 1);
        ConsumerRecord<String, String> huge = all.stream().filter(letter -> letter.value() == null).findFirst()
                .orElseThrow();
        assertThat(huge.key()).isEqualTo("u6");
        assertThat(header(huge, DeadLetters.OMITTED)).isEqualTo("value");
        assertThat(header(huge, DeadLetters.ERROR_FIELD)).isEqualTo("event");
        assertThat(header(huge, DeadLetters.SOURCE_OFFSET)).isEqualTo(Long.toString(hugePosition.offset()));
        List<ConsumerRecord<String, String>> letters = all.stream().filter(letter -> letter != huge).toList();
        assertThat(letters).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(bad.stream().map(record -> record[1]).toList());
        for (int i = 0; i < bad.size(); i++) {
            String value = bad.get(i)[1];
            // Partitions are read in any order, so dead letters are matched by their (unique) values.
            ConsumerRecord<String, String> letter = letters.stream()
                    .filter(candidate -> candidate.value().equals(value)).findFirst().orElseThrow();
            assertThat(letter.key()).isEqualTo(bad.get(i)[0]);
            assertThat(letter.value()).isEqualTo(bad.get(i)[1]);
            assertThat(header(letter, DeadLetters.ERROR_FIELD)).isEqualTo(expectedFields.get(i));
            assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).isNotBlank();
            assertThat(header(letter, DeadLetters.SOURCE_PARTITION))
                    .isEqualTo(Integer.toString(badPositions.get(i).partition()));
            assertThat(header(letter, DeadLetters.SOURCE_OFFSET))
                    .isEqualTo(Long.toString(badPositions.get(i).offset()));
        }
        assertThat(letters).filteredOn(letter -> letter.value().contains("teleport")).singleElement()
                .satisfies(letter -> assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).contains("teleport"));
        assertThat(totalEvents()).isEqualTo(300);
    }

    @Test
    void aStoreOutageCommitsNothingSkipsNothingAndTheStoreCatchesUpWhenItReturns() {
        EventTopicFixture log = fixture("online-outage");
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        Set<String> offered = ConcurrentHashMap.newKeySet();
        ApplyFeatureUpdatesPort redis = updates -> {
            if (down.get()) {
                refused.incrementAndGet();
                throw new IllegalStateException("Redis is down");
            }
            updates.forEach(update -> offered.add(update.eventId().value()));
            store.apply(updates);
        };
        log.sendAll(clicks(0, 300));

        start(log, "online-outage", service(redis));

        eventually(WAIT, "the store refused several retries", () -> refused.get() >= 3);
        // Events keep arriving during the outage.
        log.sendAll(clicks(300, 500));
        eventually(WAIT, "more retries after new events arrived", () -> refused.get() >= 5);
        assertThat(log.committed("online-outage").values()).allMatch(offset -> offset == 0L);
        assertThat(totalEvents()).isZero();

        down.set(false);

        eventually(WAIT, "all 500 events in the store", () -> totalEvents() == 500);
        eventually(WAIT, "every offset committed", () -> log.committed("online-outage").equals(log.endOffsets()));
        assertThat(offered).containsAll(IntStream.range(0, 500).mapToObj(i -> "e" + i).toList());
        assertThat(totalEvents()).isEqualTo(500);
    }

    @Test
    void aRestartedConsumerResumesFromTheCommittedOffsetsWithoutReprocessing() {
        EventTopicFixture log = fixture("online-restart");
        log.sendAll(clicks(0, 200));
        KafkaEventLogConsumer first = start(log, "online-restart", service(store));
        eventually(WAIT, "first run done", () -> totalEvents() == 200
                && log.committed("online-restart").equals(log.endOffsets()));
        first.close();

        log.sendAll(clicks(200, 350));
        AtomicInteger handed = new AtomicInteger();
        UpdateOnlineFeaturesUseCase real = service(store);
        start(log, "online-restart", command -> {
            handed.addAndGet(command.events().size());
            real.update(command);
        });

        eventually(WAIT, "all 350 events in the store", () -> totalEvents() == 350);
        eventually(WAIT, "every offset committed", () -> log.committed("online-restart").equals(log.endOffsets()));
        assertThat(handed).hasValue(150);
    }

    private EventTopicFixture fixture(String purpose) {
        EventTopicFixture fixture = new EventTopicFixture(purpose, 3);
        toClose.add(fixture);
        return fixture;
    }

    private KafkaEventLogConsumer start(EventTopicFixture log, String group, UpdateOnlineFeaturesUseCase useCase) {
        return start(log, group, useCase, new AtomicInteger());
    }

    private KafkaEventLogConsumer start(EventTopicFixture log, String group, UpdateOnlineFeaturesUseCase useCase,
                                        AtomicInteger quarantined) {
        // Small polls make several batches per partition, so commits and retries happen mid-stream.
        KafkaEventLogConsumer consumer = new KafkaEventLogConsumer(
                log.settings(group, Map.of("consumer.max.poll.records", "50")), new OnlineFeaturesUpdater(useCase),
                TimeWindow.DEFAULT, quarantined::incrementAndGet);
        toClose.add(consumer);
        consumer.start();
        return consumer;
    }

    private UpdateOnlineFeaturesUseCase service(ApplyFeatureUpdatesPort port) {
        return new UpdateOnlineFeaturesService(policy, ids -> Map.of(), port);
    }

    /** Events the store has counted: each event id adds one to its user's counters, once. */
    private long totalEvents() {
        long total = 0;
        for (int u = 0; u < 30; u++) {
            total += store.userCounts(new UserId("u" + u)).total();
        }
        return total + store.userCounts(new UserId("77")).total();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
