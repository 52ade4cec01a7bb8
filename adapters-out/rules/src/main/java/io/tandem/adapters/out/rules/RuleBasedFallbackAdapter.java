package io.tandem.adapters.out.rules;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.feature.port.out.LoadPopularItemsPort;
import io.tandem.application.serving.port.out.RecommendFallbackPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackRules;
import io.tandem.domain.fallback.FallbackTier;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule-based fallback: walks the configured tiers (pinned, popular in the user's top categories, trending,
 * newest) over a snapshot that {@link #refresh()} reads in the background, so a request makes no call to the
 * stores whose failure is usually why the fallback runs.
 *
 * <p>Every tier applies the same filters: the query's unwanted items, its category when one is asked (an item
 * whose categories the snapshot does not know is then skipped), unavailable items and items the catalog does not
 * hold (dropped when the snapshot is built) and items an earlier tier already placed. Scores are {@code 1 / rank}: the tiers have no common
 * scale (a pinned or a new item has no popularity), so the score only restates the order.
 */
public final class RuleBasedFallbackAdapter implements RecommendFallbackPort {

    /** Bounds the per-category reads of a refresh; categories are taken most popular first. */
    static final int MAX_CATEGORIES = 50;

    private static final System.Logger LOG = System.getLogger(RuleBasedFallbackAdapter.class.getName());

    private final FallbackRules rules;
    private final LoadPopularItemsPort popular;
    private final LoadNewestItemsPort newest;
    private final LoadItemsPort items;
    private final Clock clock;
    private final int depth;
    private final Map<FallbackTier, List<String>> sources = new EnumMap<>(FallbackTier.class);
    private final AtomicReference<FallbackSnapshot> snapshot;

    /**
     * @param depth how many items each list of the snapshot keeps: the most one tier can contribute to an
     *              answer, before filters
     */
    public RuleBasedFallbackAdapter(FallbackRules rules, LoadPopularItemsPort popular, LoadNewestItemsPort newest,
                                    LoadItemsPort items, Clock clock, int depth) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.popular = Objects.requireNonNull(popular, "popular");
        this.newest = Objects.requireNonNull(newest, "newest");
        this.items = Objects.requireNonNull(items, "items");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be 1 or more");
        }
        this.depth = depth;
        for (FallbackTier tier : FallbackTier.values()) {
            sources.put(tier, List.of(tier.label()));
        }
        this.snapshot = new AtomicReference<>(FallbackSnapshot.pinnedOnly(rules.pinned()));
    }

    /**
     * Reads popularity and the catalog into a new snapshot and swaps it in. Returns false, keeping the previous
     * snapshot, when any read fails; never throws, so a scheduler can call it blindly.
     */
    public synchronized boolean refresh() {
        try {
            snapshot.set(read());
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "fallback refresh failed; keeping the previous snapshot", e);
            return false;
        }
    }

    @Override
    public List<RankedItem> recommend(FallbackQuery query) {
        FallbackSnapshot current = snapshot.get();
        Answer answer = new Answer(query, current);
        for (FallbackTier tier : rules.tiers()) {
            if (answer.isFull()) {
                break;
            }
            List<String> tierSources = sources.get(tier);
            switch (tier) {
                case PINNED -> answer.takeFrom(current.pinned(), tierSources);
                case POPULAR_IN_USER_CATEGORIES -> takeFromUserCategories(answer, query, current, tierSources);
                case TRENDING -> {
                    // The asked category's own popular list first: the ranking of the filtered overall list,
                    // but reaching past the overall top depth, where a small category's items are.
                    if (query.category().isPresent()) {
                        answer.takeFrom(current.popularIn(query.category().get()), tierSources);
                    }
                    answer.takeFrom(current.trending(), tierSources);
                }
                case NEWEST -> answer.takeFrom(current.newest(), tierSources);
            }
        }
        return answer.items();
    }

    /**
     * Round-robin over the popular lists of the user's first {@code topCategories} categories, best category
     * first in each round: the answer mixes the user's tastes instead of filling up from the largest category,
     * whose popularity values would outweigh the others' in a merge by score.
     */
    private void takeFromUserCategories(Answer answer, FallbackQuery query, FallbackSnapshot current,
                                        List<String> tierSources) {
        int wanted = Math.min(rules.topCategories(), query.userCategories().size());
        List<List<ItemId>> lists = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            List<ItemId> list = current.popularIn(query.userCategories().get(i));
            if (!list.isEmpty()) {
                lists.add(list);
            }
        }
        int[] next = new int[lists.size()];
        boolean anyLeft = !lists.isEmpty();
        while (anyLeft && !answer.isFull()) {
            anyLeft = false;
            for (int i = 0; i < lists.size() && !answer.isFull(); i++) {
                List<ItemId> list = lists.get(i);
                while (next[i] < list.size() && !answer.offer(list.get(next[i]++), tierSources)) {
                    // skipped by a filter: try this category's next item
                }
                anyLeft |= next[i] < list.size();
            }
        }
    }

    private FallbackSnapshot read() {
        Instant now = clock.instant();
        List<ScoredItem> trending = popular.popularItems(Optional.empty(), depth, now);
        List<Item> newestItems = newest.newestItems(Optional.empty(), depth);

        Set<ItemId> asked = new LinkedHashSet<>(rules.pinned());
        for (ScoredItem item : trending) {
            asked.add(item.item());
        }
        Map<ItemId, Item> catalog = new HashMap<>(items.loadItems(asked));

        Map<String, List<ScoredItem>> byCategory = new LinkedHashMap<>();
        for (ScoredItem scored : trending) {
            Item item = catalog.get(scored.item());
            if (item == null) {
                continue;
            }
            // Sorted: which categories make the cap must not depend on a set's iteration order.
            for (String category : new TreeSet<>(item.categories())) {
                if (byCategory.size() < MAX_CATEGORIES && !byCategory.containsKey(category)) {
                    byCategory.put(category, popular.popularItems(Optional.of(category), depth, now));
                }
            }
        }
        // Items popular in a category but not overall: one more batch, so their availability is known too.
        Set<ItemId> unread = new HashSet<>();
        for (List<ScoredItem> list : byCategory.values()) {
            for (ScoredItem scored : list) {
                if (!asked.contains(scored.item())) {
                    unread.add(scored.item());
                }
            }
        }
        if (!unread.isEmpty()) {
            catalog.putAll(items.loadItems(unread));
        }
        for (Item item : newestItems) {
            catalog.putIfAbsent(item.id(), item);
        }
        return snapshotOf(trending, newestItems, byCategory, catalog);
    }

    private FallbackSnapshot snapshotOf(List<ScoredItem> trending, List<Item> newestItems,
                                        Map<String, List<ScoredItem>> byCategory, Map<ItemId, Item> catalog) {
        List<ItemId> pinned = new ArrayList<>();
        for (ItemId id : rules.pinned()) {
            Item item = catalog.get(id);
            // Unlike a popular item, a pinned one is named by configuration: absent means deleted.
            if (item != null && item.available()) {
                pinned.add(id);
            }
        }
        List<ItemId> fresh = new ArrayList<>(newestItems.size());
        for (Item item : newestItems) {
            // The catalog's answer for the id, which the newest read may have raced with.
            if (catalog.get(item.id()).available()) {
                fresh.add(item.id());
            }
        }
        Map<String, List<ItemId>> popularByCategory = new HashMap<>();
        byCategory.forEach((category, list) -> popularByCategory.put(category, available(list, catalog)));
        Map<ItemId, Set<String>> categories = new HashMap<>();
        catalog.forEach((id, item) -> categories.put(id, item.categories()));
        return new FallbackSnapshot(pinned, available(trending, catalog), fresh, popularByCategory, categories);
    }

    /**
     * The ids of {@code scored} in order, without the items the catalog holds as unavailable or does not hold at all:
     * popularity counts events for any item id a client sent, but only catalog items are served (ADR-0019).
     */
    private static List<ItemId> available(List<ScoredItem> scored, Map<ItemId, Item> catalog) {
        List<ItemId> ids = new ArrayList<>(scored.size());
        for (ScoredItem item : scored) {
            Item known = catalog.get(item.item());
            if (known != null && known.available()) {
                ids.add(item.item());
            }
        }
        return ids;
    }

    /** One answer being filled: the ranked items so far and the filters every tier applies. */
    private static final class Answer {

        private final FallbackQuery query;
        private final FallbackSnapshot snapshot;
        private final List<RankedItem> ranked;
        private final Set<ItemId> placed;

        Answer(FallbackQuery query, FallbackSnapshot snapshot) {
            this.query = query;
            this.snapshot = snapshot;
            int expected = Math.min(query.count(), 64);
            this.ranked = new ArrayList<>(expected);
            this.placed = new HashSet<>(expected * 2);
        }

        boolean isFull() {
            return ranked.size() >= query.count();
        }

        void takeFrom(List<ItemId> tier, List<String> sources) {
            for (int i = 0; i < tier.size() && !isFull(); i++) {
                offer(tier.get(i), sources);
            }
        }

        /** Places {@code item} next unless a filter rejects it; returns whether it was placed. */
        boolean offer(ItemId item, List<String> sources) {
            if (query.unwanted().contains(item)
                    || (query.category().isPresent() && !snapshot.inCategory(item, query.category().get()))
                    || !placed.add(item)) {
                return false;
            }
            int rank = ranked.size() + 1;
            ranked.add(new RankedItem(item, 1.0 / rank, rank, sources));
            return true;
        }

        List<RankedItem> items() {
            return Collections.unmodifiableList(ranked);
        }
    }
}
