package io.tandem.application.experiment;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.OnlineMetricsAggregate;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.interleaving.Team;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static io.tandem.application.ingestion.EventFixture.anEvent;

/**
 * Online-metric cells as the attribution aggregate makes them: every user of a group is served one list of
 * {@value #LIST_LENGTH} items (odd users on {@link #DAY_ONE}, even ones a day later), impresses all of it, clicks
 * each item with the group's probability and buys every tenth clicked item for 20.
 */
public final class OnlineMetricsFixture {

    public static final Instant DAY_ONE = Instant.parse("2026-12-07T09:00:00Z");
    public static final int LIST_LENGTH = 5;

    private OnlineMetricsFixture() {
    }

    /**
     * The daily and whole-experiment cells of {@code experiment}, with {@code usersPerGroup} users in each group of
     * {@code clickRates} (group name to click probability per impression); seeded, so equal calls give equal cells.
     */
    public static List<OnlineMetrics> cells(String experiment, Map<String, Double> clickRates, int usersPerGroup,
                                            long seed) {
        return cells(experiment, clickRates, Map.of(), usersPerGroup, seed);
    }

    /** The same, with {@code usersByGroup} overriding the number of users of some groups (a skewed split). */
    public static List<OnlineMetrics> cells(String experiment, Map<String, Double> clickRates,
                                            Map<String, Integer> usersByGroup, int usersPerGroup, long seed) {
        return traffic(experiment, clickRates, usersByGroup, usersPerGroup, seed).cells();
    }

    /**
     * Writes the traffic of {@link #cells(String, Map, int, long)} into {@code store} through live attribution's
     * writer (every list counted) and returns the cells the aggregate computes for it.
     */
    public static List<OnlineMetrics> fill(OnlineMetricsStore store, String experiment,
                                           Map<String, Double> clickRates, int usersPerGroup, long seed) {
        return fill(store, experiment, clickRates, Map.of(), usersPerGroup, seed);
    }

    /** The same, with {@code usersByGroup} overriding the number of users of some groups. */
    public static List<OnlineMetrics> fill(OnlineMetricsStore store, String experiment,
                                           Map<String, Double> clickRates, Map<String, Integer> usersByGroup,
                                           int usersPerGroup, long seed) {
        Traffic traffic = traffic(experiment, clickRates, usersByGroup, usersPerGroup, seed);
        traffic.writeTo(store);
        return traffic.cells();
    }

    /** Served lists and their follow-ups. */
    public record Traffic(List<ServedList> lists, List<Event> events) {

        /** The cells the attribution aggregate computes from this traffic. */
        public List<OnlineMetrics> cells() {
            OnlineMetricsAggregate aggregate = OnlineMetricsAggregate.replay(AttributionPolicy.DEFAULT, lists, events);
            List<OnlineMetrics> cells = new ArrayList<>(aggregate.daily());
            lists.stream().map(ServedList::experiment).distinct()
                    .forEach(experiment -> cells.addAll(aggregate.totals(experiment).values()));
            return cells;
        }

        /** Writes every list and its follow-ups into {@code store}, as live attribution does. */
        public void writeTo(OnlineMetricsStore store) {
            Map<String, ServedList> byRequest = new LinkedHashMap<>();
            lists.forEach(list -> byRequest.put(list.requestId(), list));
            Map<String, List<Event>> followUps = new HashMap<>();
            events.forEach(event -> followUps.computeIfAbsent(event.context().requestId().orElseThrow(),
                    id -> new ArrayList<>()).add(event));
            new AttributionWriter(AttributionPolicy.DEFAULT, store.states(), store.generations(), store.add(),
                    Duration.ofDays(2)).write(byRequest, followUps, OptionalLong.empty(), true);
        }
    }

    /** The traffic behind {@link #cells(String, Map, Map, int, long)}. */
    public static Traffic traffic(String experiment, Map<String, Double> clickRates,
                                  Map<String, Integer> usersByGroup, int usersPerGroup, long seed) {
        List<ServedList> lists = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        clickRates.forEach((group, clickRate) -> {
            int users = usersByGroup.getOrDefault(group, usersPerGroup);
            for (int u = 0; u < users; u++) {
                String requestId = experiment + "-" + group + "-" + u;
                UserId user = UserId.of(group + "-user-" + u);
                Instant servedAt = DAY_ONE.plus(Duration.ofDays(u % 2 == 0 ? 1 : 0));
                List<ServedItem> items = new ArrayList<>();
                for (int p = 1; p <= LIST_LENGTH; p++) {
                    items.add(ServedItem.ranked(ItemId.of("item-" + ((u * 7 + p) % 40)), p));
                }
                lists.add(new ServedList(requestId, experiment, group, user, servedAt, items,
                        Duration.ofMillis(4 + u % 7), u % 50 == 0));
                for (ServedItem item : items) {
                    events.add(event(EventType.IMPRESSION, requestId, user, item.item(), servedAt));
                    if (random.nextDouble() < clickRate) {
                        events.add(event(EventType.CLICK, requestId, user, item.item(), servedAt));
                        if (random.nextInt(10) == 0) {
                            events.add(anEvent(requestId + "-buy-" + item.item().value()).type(EventType.PURCHASE)
                                    .user(user.value()).item(item.item().value()).at(servedAt.plusSeconds(60))
                                    .value(20).requestId(requestId).build());
                        }
                    }
                }
            }
        });
        return new Traffic(lists, events);
    }

    /**
     * The cells of an interleaving experiment's {@code interleaved} group: {@code users} users each served one list
     * drafted A, B, A, B, A, each item clicked with probability 0.5 (team B's) or 0.15 (team A's); seeded.
     */
    public static List<OnlineMetrics> interleavedCells(String experiment, int users, long seed) {
        return interleavedTraffic(experiment, users, seed).cells();
    }

    /** The traffic behind {@link #interleavedCells(String, int, long)}. */
    public static Traffic interleavedTraffic(String experiment, int users, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ServedList> lists = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String requestId = experiment + "-il-" + u;
            UserId user = UserId.of("il-user-" + u);
            List<ServedItem> items = new ArrayList<>();
            for (int p = 1; p <= LIST_LENGTH; p++) {
                Team team = p % 2 == 1 ? Team.A : Team.B;
                items.add(ServedItem.drafted(ItemId.of("item-" + ((u * 7 + p) % 40)), p, team));
                if (random.nextDouble() < (team == Team.B ? 0.5 : 0.15)) {
                    events.add(event(EventType.CLICK, requestId, user, items.get(p - 1).item(), DAY_ONE));
                }
            }
            lists.add(new ServedList(requestId, experiment, ExperimentDesign.INTERLEAVED, user, DAY_ONE, items,
                    Duration.ofMillis(4 + u % 7), false));
        }
        return new Traffic(lists, events);
    }

    private static Event event(EventType type, String requestId, UserId user, ItemId item, Instant servedAt) {
        return anEvent(requestId + "-" + type.name() + "-" + item.value()).type(type).user(user.value())
                .item(item.value()).at(servedAt.plusSeconds(5)).requestId(requestId).build();
    }
}
