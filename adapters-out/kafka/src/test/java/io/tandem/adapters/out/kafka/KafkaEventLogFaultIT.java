package io.tandem.adapters.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.tandem.adapters.out.kafka.EventTopicReader.LoggedEvent;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventLogUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The adapter while its broker crashes and comes back: a private broker, never the shared one, is killed and
 * restarted under a single adapter instance.
 */
class KafkaEventLogFaultIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(3);
    /** Scheduling noise on two busy cores; a hang would exceed it by far. */
    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final Duration APPEND_BOUND = DELIVERY_TIMEOUT.plus(KafkaEventLogAdapter.ACKNOWLEDGEMENT_GRACE)
            .plus(MARGIN);

    private static PrivateKafkaBroker broker;

    @BeforeAll
    static void prepareBroker() throws Exception {
        broker = PrivateKafkaBroker.onFreePorts();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static KafkaEventLogSettings settings(String topic) {
        return new KafkaEventLogSettings(broker.bootstrap(), topic, 3, (short) 1, DELIVERY_TIMEOUT, Map.of());
    }

    @Test
    void theSameAdapterRecoversAfterTheBrokerCrashesAndLosesNothingItAcknowledged() throws Exception {
        broker.start();
        List<Event> acknowledged = new ArrayList<>();
        List<Event> attempted = new ArrayList<>();
        try (KafkaEventLogAdapter adapter = new KafkaEventLogAdapter(settings("tandem.events.crash"))) {
            List<Event> before = KafkaEvents.varied("before", 500, 17);
            adapter.append(before);
            acknowledged.addAll(before);

            broker.crash();
            for (int attempt = 0; attempt < 2; attempt++) {
                List<Event> during = KafkaEvents.varied("during-" + attempt, 300, 17);
                attempted.addAll(during);
                assertFailsWithinBound(() -> adapter.append(during));
            }

            broker.start();
            acknowledged.addAll(appendUntilAccepted(adapter, "after", attempted));
            List<Event> steady = KafkaEvents.varied("steady", 500, 17);
            adapter.append(steady);
            acknowledged.addAll(steady);
        }

        Map<String, Long> copies = EventTopicReader.readAll(broker.bootstrap(), "tandem.events.crash").stream()
                .collect(Collectors.groupingBy(logged -> logged.event().id().value(), Collectors.counting()));
        // Every acknowledged event exactly once (the idempotent producer never doubles its own retries) ...
        assertThat(acknowledged).allSatisfy(event -> assertThat(copies.get(event.id().value()))
                .as("copies of acknowledged %s", event.id()).isEqualTo(1L));
        // ... and nothing else: a failed append's transaction is never committed, whatever reached the log.
        Set<String> acknowledgedIds = new HashSet<>();
        acknowledged.forEach(event -> acknowledgedIds.add(event.id().value()));
        assertThat(copies.keySet()).isEqualTo(acknowledgedIds);
        assertThat(attempted).isNotEmpty();
    }

    @Test
    void startsWhileKafkaIsDownAndCreatesTheTopicWithItsPartitionsOnceKafkaAnswers() throws Exception {
        broker.crash();
        String topic = "tandem.events.late";
        long started = System.nanoTime();
        try (KafkaEventLogAdapter adapter = new KafkaEventLogAdapter(settings(topic))) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(APPEND_BOUND);
            List<Event> early = KafkaEvents.varied("early", 50, 5);
            assertFailsWithinBound(() -> adapter.append(early));

            broker.start();
            List<Event> accepted = appendUntilAccepted(adapter, "late", new ArrayList<>());

            // Created by the adapter with 3 partitions, not auto-created by the broker with its default of 1.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic).partitions()).hasSize(3);
            }
            assertThat(EventTopicReader.readAll(broker.bootstrap(), topic).stream().map(LoggedEvent::event))
                    .containsAll(accepted).doesNotContainAnyElementsOf(early);
        }
    }

    private static void assertFailsWithinBound(Runnable append) {
        long started = System.nanoTime();
        assertThatThrownBy(append::run)
                .isInstanceOfSatisfying(EventLogUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("append failed after %d ms while the broker was down%n", elapsed.toMillis());
        assertThat(elapsed).as("append must give up within its bound, not hang").isLessThan(APPEND_BOUND);
    }

    /**
     * Appends fresh events until one append is accepted, as a client honouring Retry-After would: right after
     * a restart the broker may still be re-registering. Failed attempts go to {@code attempted}.
     */
    private static List<Event> appendUntilAccepted(KafkaEventLogAdapter adapter, String prefix, List<Event> attempted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long started = System.nanoTime();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            List<Event> events = KafkaEvents.varied(prefix + "-" + attempt, 300, 17);
            try {
                adapter.append(events);
                System.out.printf("append accepted %d ms after the broker was ready, attempt %d%n",
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), attempt + 1);
                return events;
            } catch (EventLogUnavailableException e) {
                System.out.printf("attempt %d after restart failed: %s%n", attempt + 1, e.getMessage());
                attempted.addAll(events);
            }
        }
        return fail("the adapter did not recover within 60 s of the broker's restart");
    }
}
