package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the online features held about one user and one item at one moment: the values serving would have
 * read then, so a training row built from them carries no knowledge of its own event or any later one.
 *
 * @param recentItems        the user's recent items, newest first
 * @param seenBefore         whether the item is among the items the user acted on and the store remembers
 * @param itemPopularity     the item's decayed popularity overall at {@code at}
 * @param categoryPopularity the item's decayed popularity within each of its categories at {@code at}
 */
public record PointInTimeFeatures(UserId user, ItemId item, Instant at, List<ItemId> recentItems,
                                  boolean seenBefore, double itemPopularity, Map<String, Double> categoryPopularity,
                                  EventCounts userCounts, EventCounts itemCounts) {

    public PointInTimeFeatures {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(at, "at");
        recentItems = List.copyOf(recentItems);
        // Insertion order kept (the caller's category order), unlike Map.copyOf.
        categoryPopularity = Collections.unmodifiableMap(new LinkedHashMap<>(categoryPopularity));
        Objects.requireNonNull(userCounts, "userCounts");
        Objects.requireNonNull(itemCounts, "itemCounts");
    }
}
