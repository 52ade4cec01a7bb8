package io.tandem.application.experiment;

import io.tandem.adapters.out.memory.InMemoryOnlineMetricsAdapter;
import io.tandem.application.experiment.port.in.AttributeEventsCommand;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attribution as the event log's consumer drives it, over the in-memory metric store: served lists are read from
 * their store when a follow-up first quotes them, increments are added to the stored cells, a redelivered batch
 * changes nothing, and a failed write fails the batch, whose redelivery then counts once. The cases of several
 * instances and of a restart are in {@link AttributionAcrossInstancesTest}.
 */
class AttributeEventsServiceTest {

    private static final Instant SERVED = Instant.parse("2026-12-07T09:00:00Z");

    private final Map<String, ServedList> served = new HashMap<>();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final InMemoryOnlineMetricsAdapter metrics = new InMemoryOnlineMetricsAdapter();
    private final AtomicBoolean metricsAway = new AtomicBoolean();
    private final OnlineMetricsStore store = new OnlineMetricsStore(metrics, metrics, metrics, changes -> {
        if (metricsAway.get()) {
            throw new IllegalStateException("database away");
        }
        return metrics.addOnlineMetrics(changes);
    }, metrics, metrics);
    private final AttributeEventsService attribution = new AttributeEventsService(AttributionPolicy.DEFAULT, ids -> {
        storeReads.incrementAndGet();
        Map<String, ServedList> found = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(served.get(id)).ifPresent(list -> found.put(id, list)));
        return found;
    }, store, Duration.ofDays(2), Clock.fixed(SERVED.plusSeconds(60), ZoneOffset.UTC));

    private void serve(String requestId, String variant, String user, String... items) {
        List<ServedItem> list = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            list.add(ServedItem.ranked(new ItemId(items[i]), i + 1));
        }
        served.put(requestId, new ServedList(requestId, "ab-1", variant, new UserId(user), SERVED, list,
                Duration.ofMillis(4), false));
    }

    private static Event event(String id, EventType type, String requestId, String user, String item) {
        return new Event(new EventId(id), type, new UserId(user), new ItemId(item), SERVED.plusSeconds(10),
                OptionalDouble.empty(), new EventContext(Optional.empty(), Optional.ofNullable(requestId),
                OptionalInt.empty()));
    }

    private OnlineMetrics total(String variant) {
        return metrics.loadOnlineMetrics("ab-1").stream()
                .filter(cell -> cell.variant().equals(variant) && cell.day().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void impressionsAndClicksQuotingARequestCountForItsVariantPerDayAndInTotal() {
        serve("r1", "a", "u1", "i1", "i2", "i3");
        serve("r2", "b", "u2", "i1", "i2");
        List<Event> batch = List.of(
                event("e1", EventType.IMPRESSION, "r1", "u1", "i1"),
                event("e2", EventType.IMPRESSION, "r1", "u1", "i2"),
                event("e3", EventType.CLICK, "r1", "u1", "i2"),
                event("e4", EventType.IMPRESSION, "r2", "u2", "i1"),
                event("e5", EventType.LIKE, "r2", "u2", "i1"),
                event("e6", EventType.CLICK, null, "u2", "i1"),
                event("e7", EventType.CLICK, "never-served", "u2", "i1"));

        attribution.attribute(new AttributeEventsCommand(batch));

        assertThat(total("a").counts().impressions()).isEqualTo(2);
        assertThat(total("a").counts().clickedImpressions()).isEqualTo(1);
        assertThat(total("a").counts().clickThroughRate()).isEqualTo(0.5);
        assertThat(total("a").guardrails().requests()).isEqualTo(1);
        assertThat(total("b").counts().impressions()).isEqualTo(1);
        assertThat(total("b").counts().clickedImpressions()).isZero();
        assertThat(metrics.loadOnlineMetrics("ab-1")).filteredOn(cell -> cell.day().isPresent())
                .extracting(OnlineMetrics::variant).containsExactly("a", "b");
        assertThat(storeReads.get()).as("one batched read for the unknown requests").isEqualTo(1);
    }

    @Test
    void aRedeliveredBatchChangesNothingAndAKnownListIsNotReadAgain() {
        serve("r1", "a", "u1", "i1", "i2");
        List<Event> batch = List.of(event("e1", EventType.IMPRESSION, "r1", "u1", "i1"),
                event("e2", EventType.CLICK, "r1", "u1", "i1"));
        attribution.attribute(new AttributeEventsCommand(batch));
        OnlineMetrics first = total("a");

        attribution.attribute(new AttributeEventsCommand(batch));
        attribution.attribute(new AttributeEventsCommand(List.of(event("e3", EventType.IMPRESSION, "r1", "u1",
                "i2"))));

        assertThat(storeReads.get()).isEqualTo(1);
        assertThat(first.counts().impressions()).isEqualTo(1);
        assertThat(total("a").counts().impressions()).isEqualTo(2);
        assertThat(total("a").counts().clickedImpressions()).isEqualTo(1);
    }

    @Test
    void aFailedWriteFailsTheBatchAndItsRedeliveryCountsOnce() {
        serve("r1", "a", "u1", "i1");
        serve("r2", "a", "u2", "i1");
        List<Event> batch = List.of(event("e1", EventType.IMPRESSION, "r1", "u1", "i1"),
                event("e2", EventType.IMPRESSION, "r2", "u2", "i1"));
        metricsAway.set(true);

        assertThatThrownBy(() -> attribution.attribute(new AttributeEventsCommand(batch)))
                .hasMessageContaining("database away");

        assertThat(metrics.loadOnlineMetrics("ab-1")).isEmpty();
        metricsAway.set(false);
        attribution.attribute(new AttributeEventsCommand(batch));
        attribution.attribute(new AttributeEventsCommand(batch));
        assertThat(total("a").counts().impressions()).isEqualTo(2);
        assertThat(total("a").users()).isEqualTo(2);
        assertThat(total("a").guardrails().requests()).isEqualTo(2);
    }

    @Test
    void aFailedReadOfServedListsFailsTheBatchSoThatItIsDeliveredAgain() {
        AttributeEventsService failing = new AttributeEventsService(AttributionPolicy.DEFAULT, ids -> {
            throw new IllegalStateException("online store away");
        }, store, Duration.ofDays(2), Clock.systemUTC());

        assertThatThrownBy(() -> failing.attribute(new AttributeEventsCommand(List.of(
                event("e1", EventType.IMPRESSION, "r1", "u1", "i1"))))).hasMessageContaining("online store away");
        failing.attribute(new AttributeEventsCommand(List.of(event("e2", EventType.LIKE, "r1", "u1", "i1"))));
    }
}
