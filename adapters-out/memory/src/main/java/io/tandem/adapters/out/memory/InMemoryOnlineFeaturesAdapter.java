package io.tandem.adapters.out.memory;

import io.tandem.application.feature.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.feature.port.out.LoadEventCountsPort;
import io.tandem.application.feature.port.out.LoadPopularItemsPort;
import io.tandem.application.feature.port.out.LoadRecentItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.EventCounts;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.ItemPopularity;
import io.tandem.domain.feature.OnlineFeatures;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The online feature store in memory: a thread-safe wrapper around the domain's {@link OnlineFeatures}, the
 * same state and update code that the offline training replay uses. Each event id is applied at most once.
 */
public final class InMemoryOnlineFeaturesAdapter
        implements ApplyFeatureUpdatesPort, LoadRecentItemsPort, LoadUserStatePort, LoadPopularItemsPort,
        LoadEventCountsPort {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final OnlineFeatures features;

    public InMemoryOnlineFeaturesAdapter(Duration popularityHalfLife, int recentItemsCap) {
        this.features = new OnlineFeatures(popularityHalfLife, recentItemsCap);
    }

    @Override
    public void apply(List<FeatureUpdate> updates) {
        lock.writeLock().lock();
        try {
            for (FeatureUpdate update : updates) {
                features.apply(update);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<ItemId> recentItems(UserId user, int limit) {
        lock.readLock().lock();
        try {
            return features.recentItems(user, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public UserState userState(UserId user, int limit) {
        lock.readLock().lock();
        try {
            return features.userState(user, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<ScoredItem> popularItems(Optional<String> category, int limit, Instant at) {
        List<ItemPopularity> top;
        lock.readLock().lock();
        try {
            top = features.popularItems(category, limit, at);
        } finally {
            lock.readLock().unlock();
        }
        List<ScoredItem> scored = new ArrayList<>(top.size());
        for (ItemPopularity item : top) {
            scored.add(new ScoredItem(item.item(), item.popularity()));
        }
        return scored;
    }

    @Override
    public EventCounts userCounts(UserId user) {
        lock.readLock().lock();
        try {
            return features.userCounts(user);
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
                answer.put(item, features.itemCounts(item));
            }
            return answer;
        } finally {
            lock.readLock().unlock();
        }
    }
}
