package io.tandem.adapters.out.memory;

import io.tandem.application.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.port.out.LoadEventCountsPort;
import io.tandem.application.port.out.LoadPopularItemsPort;
import io.tandem.application.port.out.LoadRecentItemsPort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.EventCounts;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.PopularityDecay;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The online feature store in memory: recent items per user (newest first, capped, each item once),
 * time-decayed item popularity overall and per category in sorted sets (so "top N" costs O(N), not a scan),
 * and event counters. Each event id is applied at most once.
 */
public final class InMemoryOnlineFeaturesAdapter
        implements ApplyFeatureUpdatesPort, LoadRecentItemsPort, LoadPopularItemsPort, LoadEventCountsPort {

    private final Duration halfLife;
    private final int recentItemsCap;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<EventId> applied = new HashSet<>();
    private final Map<UserId, Deque<ItemId>> recentItems = new HashMap<>();
    private final Map<UserId, Map<EventType, Long>> userCounts = new HashMap<>();
    private final Map<ItemId, Map<EventType, Long>> itemCounts = new HashMap<>();
    private final Popularity overall = new Popularity();
    private final Map<String, Popularity> byCategory = new HashMap<>();
    private PopularityDecay decay;

    public InMemoryOnlineFeaturesAdapter(Duration popularityHalfLife, int recentItemsCap) {
        if (recentItemsCap < 1) {
            throw new IllegalArgumentException("recentItemsCap must be 1 or more");
        }
        this.halfLife = popularityHalfLife;
        this.recentItemsCap = recentItemsCap;
    }

    @Override
    public void apply(List<FeatureUpdate> updates) {
        lock.writeLock().lock();
        try {
            for (FeatureUpdate update : updates) {
                if (!applied.add(update.eventId())) {
                    continue;
                }
                count(userCounts.computeIfAbsent(update.user(), u -> new EnumMap<>(EventType.class)), update.type());
                count(itemCounts.computeIfAbsent(update.item(), i -> new EnumMap<>(EventType.class)), update.type());
                if (update.interaction()) {
                    remember(update.user(), update.item());
                }
                if (update.popularityWeight() > 0) {
                    addPopularity(update);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<ItemId> recentItems(UserId user, int limit) {
        lock.readLock().lock();
        try {
            Deque<ItemId> items = recentItems.get(user);
            return items == null ? List.of() : items.stream().limit(limit).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<ScoredItem> popularItems(Optional<String> category, int limit, Instant at) {
        lock.readLock().lock();
        try {
            Popularity popularity = category.isPresent() ? byCategory.get(category.get()) : overall;
            return popularity == null || decay == null ? List.of() : popularity.top(limit, decay, at);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public EventCounts userCounts(UserId user) {
        lock.readLock().lock();
        try {
            Map<EventType, Long> counts = userCounts.get(user);
            return counts == null ? EventCounts.NONE : new EventCounts(counts);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<ItemId, EventCounts> itemCounts(Collection<ItemId> items) {
        lock.readLock().lock();
        try {
            Map<ItemId, EventCounts> answer = new HashMap<>();
            for (ItemId item : items) {
                Map<EventType, Long> counts = itemCounts.get(item);
                answer.put(item, counts == null ? EventCounts.NONE : new EventCounts(counts));
            }
            return answer;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void count(Map<EventType, Long> counts, EventType type) {
        counts.merge(type, 1L, Long::sum);
    }

    private void remember(UserId user, ItemId item) {
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

    /** Stored popularity values of one scope (overall or a category), kept sorted for cheap top-N. */
    private static final class Popularity {

        private static final Comparator<ScoredItem> MOST_POPULAR_FIRST = Comparator
                .comparingDouble(ScoredItem::score).reversed()
                .thenComparing(ScoredItem::item);

        private final Map<ItemId, Double> stored = new HashMap<>();
        private final TreeSet<ScoredItem> order = new TreeSet<>(MOST_POPULAR_FIRST);

        void add(ItemId item, double increment) {
            Double previous = stored.get(item);
            if (previous != null) {
                order.remove(new ScoredItem(item, previous));
            }
            double next = (previous == null ? 0.0 : previous) + increment;
            stored.put(item, next);
            order.add(new ScoredItem(item, next));
        }

        List<ScoredItem> top(int limit, PopularityDecay decay, Instant at) {
            List<ScoredItem> top = new ArrayList<>(Math.min(limit, order.size()));
            Iterator<ScoredItem> iterator = order.iterator();
            while (top.size() < limit && iterator.hasNext()) {
                ScoredItem item = iterator.next();
                top.add(new ScoredItem(item.item(), decay.decayedAt(item.score(), at)));
            }
            return top;
        }

        /** Moves to a newer epoch; rare (once per ~900 half-lives). */
        void rescale(double factor) {
            order.clear();
            stored.replaceAll((item, value) -> value * factor);
            stored.forEach((item, value) -> order.add(new ScoredItem(item, value)));
        }
    }
}
