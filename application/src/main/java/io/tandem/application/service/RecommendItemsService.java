package io.tandem.application.service;

import io.tandem.application.port.in.RecommendItemsQuery;
import io.tandem.application.port.in.RecommendItemsUseCase;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadPopularItemsPort;
import io.tandem.application.port.out.LoadRecentItemsPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recommends by time-decayed popularity while no model is trained: the items most popular right now (in
 * the requested category, if any) that the user has not acted on, is not excluding, and that are available.
 */
public final class RecommendItemsService implements RecommendItemsUseCase {

    static final String POPULAR_SOURCE = "popular";

    private final LoadRecentItemsPort loadRecentItems;
    private final LoadPopularItemsPort loadPopularItems;
    private final LoadItemsPort loadItems;
    private final int seenItemsLimit;
    private final Clock clock;
    private final Supplier<String> requestIds;

    public RecommendItemsService(LoadRecentItemsPort loadRecentItems, LoadPopularItemsPort loadPopularItems,
                                 LoadItemsPort loadItems, int seenItemsLimit, Clock clock,
                                 Supplier<String> requestIds) {
        this.loadRecentItems = Objects.requireNonNull(loadRecentItems, "loadRecentItems");
        this.loadPopularItems = Objects.requireNonNull(loadPopularItems, "loadPopularItems");
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
        if (seenItemsLimit < 1) {
            throw new IllegalArgumentException("seenItemsLimit must be 1 or more");
        }
        this.seenItemsLimit = seenItemsLimit;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
    }

    @Override
    public Recommendation recommend(RecommendItemsQuery query) {
        Instant now = clock.instant();
        Set<ItemId> unwanted = new HashSet<>(loadRecentItems.recentItems(query.user(), seenItemsLimit));
        unwanted.addAll(query.exclude());
        List<RankedItem> ranked = new ArrayList<>(query.count());
        // Ask for enough to survive the filters; widen only when the filters ate too much.
        int limit = query.count() + unwanted.size() + 16;
        while (true) {
            List<ScoredItem> popular = loadPopularItems.popularItems(query.category(), limit, now);
            ranked.clear();
            Map<ItemId, Item> catalog = loadItems.loadItems(popular.stream().map(ScoredItem::item).toList());
            for (ScoredItem candidate : popular) {
                if (ranked.size() == query.count()) {
                    break;
                }
                if (!unwanted.contains(candidate.item()) && servable(catalog.get(candidate.item()), query.category())) {
                    ranked.add(new RankedItem(candidate.item(), candidate.score(), ranked.size() + 1,
                            List.of(POPULAR_SOURCE)));
                }
            }
            if (ranked.size() == query.count() || popular.size() < limit) {
                break;
            }
            limit *= 4;
        }
        return new Recommendation(requestIds.get(), query.user(), ranked, Optional.empty(),
                FallbackStatus.usedBecause(FallbackStatus.NO_MODEL));
    }

    /**
     * Items known only from events (not in the catalog) are servable; catalog items only while available and,
     * when a category is asked for, still in it (the category may have changed since the popularity counted).
     */
    private static boolean servable(Item item, Optional<String> category) {
        if (item == null) {
            return true;
        }
        return item.available() && category.map(item::inCategory).orElse(true);
    }
}
