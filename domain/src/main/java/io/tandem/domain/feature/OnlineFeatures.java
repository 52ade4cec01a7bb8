package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private final int recentItemsCap;
    private final Set<EventId> applied = new HashSet<>();
    private final Map<UserId, Deque<ItemId>> recentItems = new HashMap<>();
    /** Null when the whole history is not kept (a training replay). */
    private final Map<UserId, Set<ItemId>> seenItems;
    private final Map<UserId, PositiveCells> positives = new HashMap<>();
    private final Map<UserId, Map<EventType, Long>> userCounts = new HashMap<>();
    private final Map<ItemId, Map<EventType, Long>> itemCounts = new HashMap<>();
    private final DecayedPopularity popularity;

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
        this.popularity = new DecayedPopularity(popularityHalfLife);
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
            popularity.add(update);
            positives.computeIfAbsent(update.user(), u -> new PositiveCells())
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
        PositiveCells cells = positives.get(user);
        if (cells == null || limit == 0) {
            return seen.isEmpty() ? UserState.empty() : new UserState(seen, List.of());
        }
        return new UserState(seen, cells.newestFirst(limit));
    }

    /** The most popular items at {@code at}, overall or in one category, most popular first (ties by item id). */
    public List<ItemPopularity> popularItems(Optional<String> category, int limit, Instant at) {
        return popularity.top(category, limit, at);
    }

    /** One item's decayed popularity at {@code at}, overall or counted in one category; zero when it has none. */
    public double popularity(ItemId item, Optional<String> category, Instant at) {
        return popularity.of(item, category, at);
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
}
