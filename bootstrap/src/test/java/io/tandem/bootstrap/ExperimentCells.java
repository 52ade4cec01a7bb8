package io.tandem.bootstrap;

import io.tandem.application.experiment.OnlineMetricsFixture;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Simulated traffic of a two-variant experiment (a, b): served lists and their impressions and clicks, which tests
 * write into the metric store ({@code Traffic.writeTo}) or turn into the aggregate's cells ({@code Traffic.cells}).
 */
final class ExperimentCells {

    static final Instant SERVED = Instant.parse("2026-12-07T09:00:00Z");

    private ExperimentCells() {
    }

    /**
     * The traffic of {@code usersA} and {@code usersB} users, each served five items and impressing them all, each
     * impression clicked with probability {@code ctrA} in a's lists and {@code ctrB} in b's (seeded), at equal
     * latencies and without fallbacks, so that only the click-through rate (and the user counts) differ.
     */
    static OnlineMetricsFixture.Traffic cells(String experiment, int usersA, int usersB, double ctrA, double ctrB) {
        List<ServedList> lists = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(13);
        for (String variant : List.of("a", "b")) {
            int users = variant.equals("a") ? usersA : usersB;
            for (int u = 0; u < users; u++) {
                String requestId = experiment + "-" + variant + "-" + u;
                UserId user = UserId.of("u" + variant + u);
                List<ServedItem> items = new ArrayList<>();
                for (int p = 1; p <= 5; p++) {
                    items.add(ServedItem.ranked(ItemId.of("i" + (u + p) % 30), p));
                }
                lists.add(new ServedList(requestId, experiment, variant, user, SERVED, items,
                        Duration.ofMillis(5 + u % 4), false));
                for (ServedItem item : items) {
                    events.add(event(EventType.IMPRESSION, requestId, user, item.item()));
                    if (random.nextDouble() < (variant.equals("a") ? ctrA : ctrB)) {
                        events.add(event(EventType.CLICK, requestId, user, item.item()));
                    }
                }
            }
        }
        return new OnlineMetricsFixture.Traffic(lists, events);
    }

    private static Event event(EventType type, String requestId, UserId user, ItemId item) {
        return new Event(new EventId(requestId + "-" + type + "-" + item.value()), type, user, item,
                SERVED.plusSeconds(10), OptionalDouble.empty(),
                new EventContext(Optional.empty(), Optional.of(requestId), OptionalInt.empty()));
    }
}
