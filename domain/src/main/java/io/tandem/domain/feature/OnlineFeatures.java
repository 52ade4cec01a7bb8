package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of the online features and the one code path that changes it: recent items per user (newest
 * first, capped, each item once), every item each user ever acted on (the seen filter's memory, uncapped),
 * positive interactions per user (the training matrix's cells, newest first,
 * capped alike), time-decayed item popularity overall and per category (kept sorted, so "top N" costs O(N),
 * not a scan), and event counters per user and item. Each event id is applied at most once.
 *
 * <p>Both the embedded online store and the offline training replay hold one of these, so a training row
 * sees exactly the values serving would have seen. The replay builds no training feature from the whole-history
 * seen sets, so it keeps none ({@link #forReplay}) and saves their memory. Not thread-safe: a store guards it
 * with a lock, a replay owns it alone.
 */
public final class OnlineFeatures {

    private final Duration halfLife;
    private final int recentItemsCap;
    private final Set<EventId> applied = new HashSet<>();
    private final Map<UserId, Deque<ItemId>> recentItems = new HashMap<>();
    /** Null when the whole history is not kept (a training replay). */
    private final Map<UserId, Set<ItemId>> seenItems;
    private final Map<UserId, Positives> positives = new HashMap<>();
    private final Map<UserId, Map<EventType, Long>> userCounts = new HashMap<>();
    private final Map<ItemId, Map<EventType, Long>> itemCounts = new HashMap<>();
    private final Popularity overall = new Popularity();
    private final Map<String, Popularity> byCategory = new HashMap<>();
    private PopularityDecay decay;

    /** Features that keep each user's whole seen history, as an online store does. */
    public OnlineFeatures(Duration popularityHalfLife, int recentItemsCap) {
        this(popularityHalfLife, recentItemsCap, true);
    }

    private OnlineFeatures(Duration popularityHalfLife, int recentItemsCap, boolean wholeSeenHistory) {
        if (popularityHalfLife == null || popularityHalfLife.isZero() || popularityHalfLife.isNegative()) {
            throw new IllegalArgumentException("popularityHalfLife must be a positive duration");
        }
        if (recentItemsCap < 1) {
            throw new IllegalArgumentException("recentItemsCap must be 1 or more");
        }
        this.halfLife = popularityHalfLife;
        this.recentItemsCap = recentItemsCap;
        this.seenItems = wholeSeenHistory ? new HashMap<>() : null;
    }

    /** Empty features kept the way {@code policy} says, with each user's whole seen history, as a store keeps them. */
    public static OnlineFeatures of(FeaturePolicy policy) {
        return new OnlineFeatures(policy.popularityHalfLife(), policy.recentItemsCap(), true);
    }

    /**
     * Empty features kept the way {@code policy} says, without the whole-history seen sets: everything a training
     * row reads ({@link #snapshot}) is there, and {@link #userState} is not.
     */
    public static OnlineFeatures forReplay(FeaturePolicy policy) {
        return new OnlineFeatures(policy.popularityHalfLife(), policy.recentItemsCap(), false);
    }

    /** Applies one update; returns false, changing nothing, when its event id was applied before. */
    public boolean apply(FeatureUpdate update) {
        if (!applied.add(update.eventId())) {
            return false;
        }
        count(userCounts.computeIfAbsent(update.user(), u -> new EnumMap<>(EventType.class)), update.type());
        count(itemCounts.computeIfAbsent(update.item(), i -> new EnumMap<>(EventType.class)), update.type());
        if (update.interaction()) {
            remember(update.user(), update.item());
        }
        if (update.popularityWeight() > 0) {
            addPopularity(update);
            positives.computeIfAbsent(update.user(), u -> new Positives())
                    .add(update.item(), (float) update.popularityWeight(), update.time(), recentItemsCap);
        }
        return true;
    }

    /** Whether the event {@code id} has been applied. */
    public boolean hasApplied(EventId id) {
        return applied.contains(id);
    }

    /** The items {@code user} acted on, newest first, at most {@code limit}; empty for a user never seen. */
    public List<ItemId> recentItems(UserId user, int limit) {
        Deque<ItemId> items = recentItems.get(user);
        return items == null ? List.of() : items.stream().limit(limit).toList();
    }

    /**
     * What serving reads about {@code user} in one call: every item the user ever acted on (not limited), and at
     * most {@code limit} positive interactions, newest first (equal times: the greater item id first). A cell whose
     * float sum left float's range (labels below about 1e-45 or a sum above 3.4e38) is not reported, since no
     * {@link PositiveInteraction} can hold it.
     */
    public UserState userState(UserId user, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (seenItems == null) {
            throw new IllegalStateException("features kept for a replay hold no seen history");
        }
        Set<ItemId> remembered = seenItems.get(user);
        Set<ItemId> seen = remembered == null ? Set.of() : Set.copyOf(remembered);
        Positives cells = positives.get(user);
        if (cells == null || limit == 0) {
            return seen.isEmpty() ? UserState.empty() : new UserState(seen, List.of());
        }
        PositiveInteraction[] newestFirst = new PositiveInteraction[Math.min(limit, cells.size())];
        int size = 0;
        for (Iterator<Positive> it = cells.newestFirst(); size < newestFirst.length && it.hasNext(); ) {
            Positive cell = it.next();
            if (cell.value > 0 && Float.isFinite(cell.value)) {
                newestFirst[size++] = new PositiveInteraction(cell.item, cell.value, cell.latest);
            }
        }
        PositiveInteraction[] reported = size == newestFirst.length ? newestFirst : Arrays.copyOf(newestFirst, size);
        return new UserState(seen, List.of(reported));
    }

    /** The most popular items at {@code at}, overall or in one category, most popular first (ties by item id). */
    public List<ItemPopularity> popularItems(Optional<String> category, int limit, Instant at) {
        Popularity popularity = category.isPresent() ? byCategory.get(category.get()) : overall;
        return popularity == null || decay == null ? List.of() : popularity.top(limit, decay, at);
    }

    /** One item's decayed popularity at {@code at}, overall or counted in one category; zero when it has none. */
    public double popularity(ItemId item, Optional<String> category, Instant at) {
        Popularity popularity = category.isPresent() ? byCategory.get(category.get()) : overall;
        return popularity == null || decay == null ? 0.0 : decay.decayedAt(popularity.stored(item), at);
    }

    public EventCounts userCounts(UserId user) {
        Map<EventType, Long> counts = userCounts.get(user);
        return counts == null ? EventCounts.NONE : new EventCounts(counts);
    }

    public EventCounts itemCounts(ItemId item) {
        Map<EventType, Long> counts = itemCounts.get(item);
        return counts == null ? EventCounts.NONE : new EventCounts(counts);
    }

    /**
     * What serving would read about {@code user} and {@code item} at moment {@code at}, given everything
     * applied so far: the user's recent items (at most {@code recentLimit}), whether the item is among all
     * the user's remembered items, the item's popularity overall and in each of {@code categories}, and the
     * counters of both.
     */
    public PointInTimeFeatures snapshot(UserId user, ItemId item, Collection<String> categories, Instant at,
                                        int recentLimit) {
        Deque<ItemId> remembered = recentItems.get(user);
        boolean seen = remembered != null && remembered.contains(item);
        Map<String, Double> perCategory = new LinkedHashMap<>();
        for (String category : categories) {
            perCategory.put(category, popularity(item, Optional.of(category), at));
        }
        return new PointInTimeFeatures(user, item, at, recentItems(user, recentLimit), seen,
                popularity(item, Optional.empty(), at), perCategory, userCounts(user), itemCounts(item));
    }

    private static void count(Map<EventType, Long> counts, EventType type) {
        counts.merge(type, 1L, Long::sum);
    }

    private void remember(UserId user, ItemId item) {
        if (seenItems != null) {
            seenItems.computeIfAbsent(user, u -> new HashSet<>()).add(item);
        }
        Deque<ItemId> items = recentItems.computeIfAbsent(user, u -> new ArrayDeque<>());
        items.remove(item);
        items.addFirst(item);
        if (items.size() > recentItemsCap) {
            items.removeLast();
        }
    }

    private void addPopularity(FeatureUpdate update) {
        if (decay == null) {
            decay = new PopularityDecay(halfLife, update.time());
        } else if (decay.needsRebase(update.time())) {
            double factor = decay.rebaseFactor(update.time());
            decay = decay.rebasedTo(update.time());
            overall.rescale(factor);
            byCategory.values().forEach(p -> p.rescale(factor));
        }
        double increment = decay.increment(update.popularityWeight(), update.time());
        overall.add(update.item(), increment);
        for (String category : update.categories()) {
            byCategory.computeIfAbsent(category, c -> new Popularity()).add(update.item(), increment);
        }
    }

    /**
     * One user's positive interactions: a cell per item (the float sum of its positive labels in application
     * order, and the latest of their times), ordered newest first; past the cap, the cell with the oldest latest
     * time goes (equal times: the lowest item id), the order the Redis store keeps too.
     */
    private static final class Positives {

        private static final Comparator<Positive> NEWEST_FIRST = Comparator
                .comparing((Positive cell) -> cell.latest)
                .thenComparing(cell -> cell.item)
                .reversed();

        private final Map<ItemId, Positive> cells = new HashMap<>();
        private final TreeSet<Positive> order = new TreeSet<>(NEWEST_FIRST);

        void add(ItemId item, float label, Instant time, int cap) {
            Positive cell = cells.get(item);
            if (cell == null) {
                cell = new Positive(item, label, time);
                cells.put(item, cell);
                order.add(cell);
                if (cells.size() > cap) {
                    cells.remove(order.pollLast().item);
                }
                return;
            }
            cell.value += label;
            if (time.isAfter(cell.latest)) {
                // The order is keyed on the time: take the cell out before changing it.
                order.remove(cell);
                cell.latest = time;
                order.add(cell);
            }
        }

        int size() {
            return cells.size();
        }

        Iterator<Positive> newestFirst() {
            return order.iterator();
        }
    }

    /** One (user, item) cell of the positives; mutable, so an update costs no allocation. */
    private static final class Positive {

        final ItemId item;
        float value;
        Instant latest;

        Positive(ItemId item, float value, Instant latest) {
            this.item = item;
            this.value = value;
            this.latest = latest;
        }
    }

    /** Stored popularity values of one scope (overall or a category), kept sorted for cheap top-N. */
    private static final class Popularity {

        private static final Comparator<Stored> MOST_POPULAR_FIRST = Comparator
                .comparingDouble(Stored::value).reversed()
                .thenComparing(Stored::item);

        private final Map<ItemId, Double> stored = new HashMap<>();
        private final TreeSet<Stored> order = new TreeSet<>(MOST_POPULAR_FIRST);

        void add(ItemId item, double increment) {
            Double previous = stored.get(item);
            if (previous != null) {
                order.remove(new Stored(item, previous));
            }
            double next = (previous == null ? 0.0 : previous) + increment;
            stored.put(item, next);
            order.add(new Stored(item, next));
        }

        double stored(ItemId item) {
            return stored.getOrDefault(item, 0.0);
        }

        List<ItemPopularity> top(int limit, PopularityDecay decay, Instant at) {
            List<ItemPopularity> top = new ArrayList<>(Math.min(limit, order.size()));
            Iterator<Stored> iterator = order.iterator();
            while (top.size() < limit && iterator.hasNext()) {
                Stored item = iterator.next();
                top.add(new ItemPopularity(item.item(), decay.decayedAt(item.value(), at)));
            }
            return top;
        }

        /** Moves to a newer epoch; rare (once per ~900 half-lives). */
        void rescale(double factor) {
            order.clear();
            stored.replaceAll((item, value) -> value * factor);
            stored.forEach((item, value) -> order.add(new Stored(item, value)));
        }
    }

    /** An item's stored (not yet decayed) popularity value. */
    private record Stored(ItemId item, double value) {

        Stored {
            Objects.requireNonNull(item, "item");
        }
    }
}
