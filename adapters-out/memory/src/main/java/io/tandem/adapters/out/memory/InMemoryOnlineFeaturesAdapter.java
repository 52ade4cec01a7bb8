package io.tandem.adapters.out.memory;

import io.tandem.application.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.port.out.LoadPopularItemsPort;
import io.tandem.application.port.out.LoadRecentItemsPort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.PopularityDecay;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The online feature store in memory: recent items per user (newest first, capped, each item once) and
 * time-decayed item popularity kept in a sorted set, so "top N" costs O(N) rather than a scan.
 */
public final class InMemoryOnlineFeaturesAdapter
        implements ApplyFeatureUpdatesPort, LoadRecentItemsPort, LoadPopularItemsPort {

    private static final Comparator<ScoredItem> MOST_POPULAR_FIRST = Comparator
            .comparingDouble(ScoredItem::score).reversed()
            .thenComparing(ScoredItem::item);

    private final Duration halfLife;
    private final int recentItemsCap;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UserId, Deque<ItemId>> recentItems = new HashMap<>();
    private final Map<ItemId, Double> storedPopularity = new HashMap<>();
    private final TreeSet<ScoredItem> popularityOrder = new TreeSet<>(MOST_POPULAR_FIRST);
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
                if (update.interaction()) {
                    remember(update.user(), update.item());
                }
                if (update.popularityWeight() > 0) {
                    addPopularity(update.item(), update.popularityWeight(), update.time());
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
            if (items == null) {
                return List.of();
            }
            return items.stream().limit(limit).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<ScoredItem> popularItems(int limit, Instant at) {
        lock.readLock().lock();
        try {
            List<ScoredItem> top = new ArrayList<>(Math.min(limit, popularityOrder.size()));
            Iterator<ScoredItem> iterator = popularityOrder.iterator();
            while (top.size() < limit && iterator.hasNext()) {
                ScoredItem stored = iterator.next();
                top.add(new ScoredItem(stored.item(), decay.decayedAt(stored.score(), at)));
            }
            return top;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void remember(UserId user, ItemId item) {
        Deque<ItemId> items = recentItems.computeIfAbsent(user, u -> new ArrayDeque<>());
        items.remove(item);
        items.addFirst(item);
        if (items.size() > recentItemsCap) {
            items.removeLast();
        }
    }

    private void addPopularity(ItemId item, double weight, Instant at) {
        if (decay == null) {
            decay = new PopularityDecay(halfLife, at);
        } else if (decay.needsRebase(at)) {
            rebase(at);
        }
        double previous = storedPopularity.getOrDefault(item, 0.0);
        double next = previous + decay.increment(weight, at);
        popularityOrder.remove(new ScoredItem(item, previous));
        storedPopularity.put(item, next);
        popularityOrder.add(new ScoredItem(item, next));
    }

    /** Moves the epoch to {@code at}, rescaling every stored value; rare (once per ~900 half-lives). */
    private void rebase(Instant at) {
        double factor = decay.rebaseFactor(at);
        decay = decay.rebasedTo(at);
        popularityOrder.clear();
        storedPopularity.replaceAll((item, value) -> value * factor);
        storedPopularity.forEach((item, value) -> popularityOrder.add(new ScoredItem(item, value)));
    }
}
