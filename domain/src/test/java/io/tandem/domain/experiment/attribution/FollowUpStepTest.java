package io.tandem.domain.experiment.attribution;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.interleaving.Team;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A request's attribution in steps, as a store keeps it (ADR-0026, amended): whatever the order of the events, however
 * they are cut into steps and whichever of them are delivered twice, the increments added to {@link CellSums} give
 * the aggregate's figures; a step of nothing new adds nothing.
 */
class FollowUpStepTest {

    private static final Instant SERVED = Instant.parse("2026-12-07T09:00:00Z");

    private final List<ServedList> lists = List.of(list("r1", "u1", "i1", "i2", "i3", "i4"),
            list("r2", "u1", "i3", "i5"), list("r3", "u2", "i1", "i2"));
    private final List<Event> events = List.of(
            event("e1", EventType.IMPRESSION, "r1", "i1", 5, 0), event("e2", EventType.IMPRESSION, "r1", "i2", 5, 0),
            event("e3", EventType.CLICK, "r1", "i2", 9, 0), event("e4", EventType.PURCHASE, "r1", "i2", 60, 30),
            event("e5", EventType.CLICK, "r1", "i4", 12, 0), event("e6", EventType.IMPRESSION, "r1", "i4", 13, 0),
            event("e7", EventType.CLICK, "r1", "i9", 14, 0), event("e8", EventType.IMPRESSION, "r1", "i9", 14, 0),
            event("e9", EventType.CLICK, "r2", "i5", 20, 0), event("e10", EventType.ADD_TO_CART, "r2", "i3", 21, 0),
            event("e11", EventType.IMPRESSION, "r3", "i1", 5, 0),
            event("e12", EventType.CLICK, "r3", "i1", 2 * 86_400, 0),
            event("e13", EventType.PURCHASE, "r3", "i7", 40, 12.5));

    @Test
    void incrementsInAnyOrderAndCutGiveTheAggregatesFigures() {
        OnlineMetricsAggregate aggregate = OnlineMetricsAggregate.replay(AttributionPolicy.DEFAULT, lists, events);
        OnlineMetrics expected = aggregate.totals("ab-1").get("a");
        Random random = new Random(3);
        for (int run = 0; run < 50; run++) {
            List<Event> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size())));
            Collections.shuffle(shuffled, random);

            OnlineMetrics actual = inSteps(lists, shuffled, random);

            assertThat(actual.users()).isEqualTo(expected.users());
            assertThat(actual.counts().impressions()).isEqualTo(expected.counts().impressions());
            assertThat(actual.counts().clickedImpressions()).isEqualTo(expected.counts().clickedImpressions());
            assertThat(actual.counts().requestOnlyClicks()).isEqualTo(expected.counts().requestOnlyClicks());
            assertThat(actual.counts().requestOnlyCarts()).isEqualTo(expected.counts().requestOnlyCarts());
            assertThat(actual.counts().requestsWithClick()).isEqualTo(expected.counts().requestsWithClick());
            assertThat(actual.counts().impressionValue()).isEqualTo(expected.counts().impressionValue());
            assertThat(actual.counts().requestOnlyValue()).isEqualTo(expected.counts().requestOnlyValue());
            assertThat(actual.quality().listsWithClick()).isEqualTo(expected.quality().listsWithClick());
            assertThat(actual.quality().meanNdcg()).isCloseTo(expected.quality().meanNdcg(), within(1e-12));
            assertThat(actual.quality().meanReciprocalRank()).isCloseTo(expected.quality().meanReciprocalRank(),
                    within(1e-12));
            assertThat(actual.quality().distinctItems()).isEqualTo(expected.quality().distinctItems());
            assertThat(actual.guardrails()).isEqualTo(expected.guardrails());
            assertThat(actual.clickThroughRate().sumXX()).isEqualTo(expected.clickThroughRate().sumXX());
            assertThat(actual.clickThroughRate().sumXY()).isEqualTo(expected.clickThroughRate().sumXY());
            assertThat(actual.valuePerImpression().sumYY()).isEqualTo(expected.valuePerImpression().sumYY());
        }
        assertThat(expected.counts().impressions()).isEqualTo(4);
        assertThat(expected.counts().requestOnlyClicks()).as("i9 was not served, r2's i5 not impressed").isEqualTo(2);
    }

    @Test
    void interleavedRequestsMoveBetweenWinsAndTiesAsLaterClicksChangeTheirWinner() {
        List<ServedList> drafted = List.of(drafted("il1", "u1", "i1", "i2", "i3", "i4"),
                drafted("il2", "u1", "i5", "i6"), drafted("il3", "u2", "i1", "i2"));
        List<Event> clicks = List.of(event("c1", EventType.CLICK, "il1", "i2", 5, 0),
                event("c2", EventType.CLICK, "il1", "i1", 6, 0), event("c3", EventType.CLICK, "il1", "i3", 7, 0),
                event("c4", EventType.CLICK, "il2", "i6", 5, 0), event("c5", EventType.CLICK, "il3", "i1", 5, 0),
                event("c6", EventType.CLICK, "il3", "i2", 6, 0));
        InterleavingCounts expected = OnlineMetricsAggregate.replay(AttributionPolicy.DEFAULT, drafted, clicks)
                .totals("ab-1").get(ExperimentDesign.INTERLEAVED).interleaving();
        Random random = new Random(7);
        for (int run = 0; run < 50; run++) {
            List<Event> shuffled = new ArrayList<>(clicks);
            shuffled.addAll(clicks.subList(0, random.nextInt(clicks.size())));
            Collections.shuffle(shuffled, random);

            assertThat(inSteps(drafted, shuffled, random).interleaving()).isEqualTo(expected);
        }
        assertThat(expected.winsA()).as("il1: A 2, B 1").isEqualTo(1);
        assertThat(expected.winsB()).as("il2").isEqualTo(1);
        assertThat(expected.ties()).as("il3: one click each").isEqualTo(1);
        assertThat(expected.preference().units()).isEqualTo(2);
        assertThat(expected.preference().sumY()).isZero();
        assertThat(expected.preference().sumXY()).as("u1: 2 requests, score 0; u2: 1, 0").isZero();
        assertThat(expected.preference().sumXX()).isEqualTo(5);
    }

    @Test
    void aStepOfDuplicatesOrLateEventsChangesNothing() {
        ServedList list = lists.get(0);
        FollowUpStep first = FollowUpStep.of(AttributionPolicy.DEFAULT, list, false, List.of(), events.subList(0, 4));
        FollowUpStep again = FollowUpStep.of(AttributionPolicy.DEFAULT, list, true, first.accepted(),
                events.subList(0, 4));
        FollowUpStep late = FollowUpStep.of(AttributionPolicy.DEFAULT, lists.get(2), true, List.of(),
                List.of(events.get(11)));

        assertThat(first.accepted()).hasSize(4);
        assertThat(first.increment()).hasValueSatisfying(increment -> assertThat(increment.served()).isTrue());
        assertThat(again.accepted()).isEmpty();
        assertThat(again.increment()).isEmpty();
        assertThat(again.outcomes()).containsEntry(AttributionOutcome.DUPLICATE, 4L);
        assertThat(late.increment()).isEmpty();
        assertThat(late.outcomes()).containsEntry(AttributionOutcome.LATE, 1L);
    }

    /** Feeds the events in steps of random size, keeping per request what a store keeps. */
    private static OnlineMetrics inSteps(List<ServedList> lists, List<Event> shuffled, Random random) {
        CellSums cell = new CellSums();
        Map<String, List<Event>> known = new HashMap<>();
        Map<UserId, double[]> users = new HashMap<>();
        Set<ItemId> items = new HashSet<>();
        for (int start = 0; start < shuffled.size(); ) {
            int end = Math.min(shuffled.size(), start + 1 + random.nextInt(4));
            for (ServedList list : lists) {
                List<Event> step = shuffled.subList(start, end).stream()
                        .filter(e -> e.context().requestId().orElseThrow().equals(list.requestId())).toList();
                if (step.isEmpty()) {
                    continue;
                }
                boolean counted = known.containsKey(list.requestId());
                FollowUpStep result = FollowUpStep.of(AttributionPolicy.DEFAULT, list, counted,
                        known.getOrDefault(list.requestId(), List.of()), step);
                known.computeIfAbsent(list.requestId(), id -> new ArrayList<>()).addAll(result.accepted());
                result.increment().ifPresent(increment -> {
                    boolean newUser = !users.containsKey(list.user());
                    double[] totals = users.computeIfAbsent(list.user(), u -> new double[CellSums.USER_COLUMNS]);
                    int newItems = increment.served()
                            ? (int) list.items().stream().filter(item -> items.add(item.item())).count() : 0;
                    cell.add(increment, newItems, newUser, totals);
                });
            }
            start = end;
        }
        return cell.snapshot("ab-1", lists.get(0).variant(), Optional.empty());
    }

    private static ServedList list(String requestId, String user, String... items) {
        List<ServedItem> served = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            served.add(ServedItem.ranked(new ItemId(items[i]), i + 1));
        }
        return new ServedList(requestId, "ab-1", "a", new UserId(user), SERVED, served,
                Duration.ofMillis(3 + requestId.length()), requestId.equals("r3"));
    }

    private static ServedList drafted(String requestId, String user, String... items) {
        List<ServedItem> served = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            served.add(ServedItem.drafted(new ItemId(items[i]), i + 1, i % 2 == 0 ? Team.A : Team.B));
        }
        return new ServedList(requestId, "ab-1", ExperimentDesign.INTERLEAVED, new UserId(user), SERVED, served,
                Duration.ofMillis(4), false);
    }

    private static Event event(String id, EventType type, String requestId, String item, long seconds,
                               double value) {
        return new Event(new EventId(id), type, new UserId("u"), new ItemId(item), SERVED.plusSeconds(seconds),
                value == 0 ? OptionalDouble.empty() : OptionalDouble.of(value),
                new EventContext(Optional.empty(), Optional.of(requestId), OptionalInt.empty()));
    }
}
