package io.tandem.adapters.out.rules;

import io.tandem.domain.catalog.ItemId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fallback knew at its last refresh, immutable so that requests read it without locks. Every list
 * holds only items that were available then, best first; {@code categories} holds the categories of each item
 * the catalog was asked about (an item it does not hold, known only from events, is absent: category unknown).
 */
record FallbackSnapshot(List<ItemId> pinned, List<ItemId> trending, List<ItemId> newest,
                        Map<String, List<ItemId>> popularByCategory, Map<ItemId, Set<String>> categories) {

    FallbackSnapshot {
        pinned = List.copyOf(pinned);
        trending = List.copyOf(trending);
        newest = List.copyOf(newest);
        popularByCategory = Map.copyOf(popularByCategory);
        categories = Map.copyOf(categories);
    }

    /**
     * Before the first refresh: the pinned items, taken as available because the catalog has not been read,
     * and nothing else.
     */
    static FallbackSnapshot pinnedOnly(List<ItemId> pinned) {
        return new FallbackSnapshot(pinned, List.of(), List.of(), Map.of(), Map.of());
    }

    /** The popular items of one category, empty for a category not among those read. */
    List<ItemId> popularIn(String category) {
        return popularByCategory.getOrDefault(category, List.of());
    }

    /** Whether {@code item} is known to be in {@code category}; false when its categories are unknown. */
    boolean inCategory(ItemId item, String category) {
        Set<String> known = categories.get(item);
        return known != null && known.contains(category);
    }
}
