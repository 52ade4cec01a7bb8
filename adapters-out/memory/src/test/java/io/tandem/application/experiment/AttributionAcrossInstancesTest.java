package io.tandem.application.experiment;

import io.tandem.adapters.out.memory.InMemoryOnlineMetricsAdapter;
import io.tandem.application.experiment.port.in.AttributeEventsCommand;
import io.tandem.application.experiment.port.out.AddOnlineMetricsPort;
import io.tandem.application.experiment.port.out.LoadServedListsPort;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several attributing instances over one metric store (ADR-0026, amended): events split between two instances in
 * any interleaving, some delivered to both or twice, give the cells one instance gives; a restarted instance goes on
 * where the store is; and a write that loses a race with another instance is retried on the new state.
 */
class AttributionAcrossInstancesTest {

    private static final Clock CLOCK = Clock.fixed(OnlineMetricsFixture.DAY_ONE.plus(Duration.ofHours(30)),
            ZoneOffset.UTC);

    private final OnlineMetricsFixture.Traffic traffic = OnlineMetricsFixture.traffic("ab-1",
            Map.of("a", 0.1, "b", 0.2, "holdout", 0.1), Map.of(), 60, 17);
    private final OnlineMetricsFixture.Traffic interleaved = OnlineMetricsFixture.interleavedTraffic("il-1", 80, 9);
    private final Map<String, ServedList> served = new HashMap<>();
    private final LoadServedListsPort lists = ids -> {
        Map<String, ServedList> found = new HashMap<>();
        ids.forEach(id -> {
            if (served.containsKey(id)) {
                found.put(id, served.get(id));
            }
        });
        return found;
    };

    AttributionAcrossInstancesTest() {
        traffic.lists().forEach(list -> served.put(list.requestId(), list));
        interleaved.lists().forEach(list -> served.put(list.requestId(), list));
    }

    private AttributeEventsService instance(OnlineMetricsStore store) {
        return new AttributeEventsService(AttributionPolicy.DEFAULT, lists, store, Duration.ofDays(2), CLOCK);
    }

    /** The cells of the whole traffic's events when one instance attributes them. */
    private List<OnlineMetrics> oneInstance() {
        InMemoryOnlineMetricsAdapter store = new InMemoryOnlineMetricsAdapter();
        instance(OnlineMetricsStore.of(store)).attribute(new AttributeEventsCommand(traffic.events()));
        return store.loadOnlineMetrics("ab-1");
    }

    @Test
    void oneInstanceGivesTheAggregatesFiguresForListsThatWereFollowedUp() {
        OnlineMetricsAssertions.assertSameCells(oneInstance(), traffic.cells());
    }

    @Test
    void twoInstancesWithInterleavedAndRedeliveredEventsGiveTheTotalsOfOne() {
        InMemoryOnlineMetricsAdapter store = new InMemoryOnlineMetricsAdapter();
        List<AttributeEventsService> instances = List.of(instance(OnlineMetricsStore.of(store)),
                instance(OnlineMetricsStore.of(store)));
        List<Event> events = new ArrayList<>(traffic.events());
        Random random = new Random(5);
        Collections.shuffle(events, random);
        for (int start = 0; start < events.size(); start += 7) {
            List<Event> batch = events.subList(start, Math.min(events.size(), start + 7));
            instances.get(random.nextInt(2)).attribute(new AttributeEventsCommand(batch));
            if (random.nextInt(4) == 0) {
                instances.get(random.nextInt(2)).attribute(new AttributeEventsCommand(batch));
            }
        }

        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("ab-1"), oneInstance());
    }

    @Test
    void anInterleavedExperimentAttributedByTwoInstancesGivesTheWinsTiesAndPreferenceOfOne() {
        InMemoryOnlineMetricsAdapter alone = new InMemoryOnlineMetricsAdapter();
        instance(OnlineMetricsStore.of(alone)).attribute(new AttributeEventsCommand(interleaved.events()));
        InMemoryOnlineMetricsAdapter shared = new InMemoryOnlineMetricsAdapter();
        List<AttributeEventsService> instances = List.of(instance(OnlineMetricsStore.of(shared)),
                instance(OnlineMetricsStore.of(shared)));
        List<Event> events = new ArrayList<>(interleaved.events());
        Random random = new Random(11);
        Collections.shuffle(events, random);
        for (int start = 0; start < events.size(); start += 3) {
            List<Event> batch = events.subList(start, Math.min(events.size(), start + 3));
            instances.get(random.nextInt(2)).attribute(new AttributeEventsCommand(batch));
            if (random.nextInt(4) == 0) {
                instances.get(random.nextInt(2)).attribute(new AttributeEventsCommand(batch));
            }
        }

        List<OnlineMetrics> one = alone.loadOnlineMetrics("il-1");
        // Live attribution counts the lists that were followed up: the aggregate's figures for those.
        List<ServedList> clicked = interleaved.lists().stream().filter(list -> interleaved.events().stream()
                .anyMatch(event -> event.context().requestId().orElseThrow().equals(list.requestId()))).toList();
        OnlineMetricsAssertions.assertSameCells(one,
                new OnlineMetricsFixture.Traffic(clicked, interleaved.events()).cells());
        OnlineMetrics total = one.stream().filter(cell -> cell.day().isEmpty()).findFirst().orElseThrow();
        assertThat(total.interleaving().winsA()).isPositive();
        assertThat(total.interleaving().winsB()).isGreaterThan(total.interleaving().winsA());
        assertThat(total.interleaving().ties()).isPositive();
        assertThat(total.interleaving().preference().units()).isEqualTo(clicked.size());
        OnlineMetricsAssertions.assertSameCells(shared.loadOnlineMetrics("il-1"), one);
    }

    @Test
    void aRestartedInstanceGoesOnFromTheStoreWithNothingLostOrCountedTwice() {
        InMemoryOnlineMetricsAdapter store = new InMemoryOnlineMetricsAdapter();
        List<Event> events = traffic.events();
        int half = events.size() / 2;
        instance(OnlineMetricsStore.of(store)).attribute(new AttributeEventsCommand(events.subList(0, half)));

        AttributeEventsService restarted = instance(OnlineMetricsStore.of(store));
        restarted.attribute(new AttributeEventsCommand(events.subList(half - 20, events.size())));

        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("ab-1"), oneInstance());
    }

    @Test
    void aWriteThatLosesARaceIsRetriedOnTheStateTheOtherInstanceLeft() {
        InMemoryOnlineMetricsAdapter store = new InMemoryOnlineMetricsAdapter();
        List<Event> events = traffic.events();
        AttributeEventsService other = instance(OnlineMetricsStore.of(store));
        AtomicBoolean raced = new AtomicBoolean();
        AddOnlineMetricsPort racing = changes -> {
            if (raced.compareAndSet(false, true)) {
                // Between this instance's read and its write, the other instance counts the same requests.
                other.attribute(new AttributeEventsCommand(events.subList(0, 40)));
            }
            return store.addOnlineMetrics(changes);
        };
        AttributeEventsService instance = instance(new OnlineMetricsStore(store, store, store, racing, store, store));

        instance.attribute(new AttributeEventsCommand(events.subList(0, 60)));
        instance.attribute(new AttributeEventsCommand(events.subList(60, events.size())));

        assertThat(raced).isTrue();
        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("ab-1"), oneInstance());
    }
}
