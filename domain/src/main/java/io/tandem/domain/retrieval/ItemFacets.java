package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What is known about each item by index, besides interactions: its categories (indexes into
 * {@code categoryNames}, ascending) and its creation time in epoch seconds ({@link #UNKNOWN_TIME} when unknown).
 * Popularity per category, category affinity and item-age features read it.
 */
public record ItemFacets(List<String> categoryNames, int[][] categories, long[] createdAt) {

    /** The creation time of an item whose age is unknown. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    public ItemFacets {
        categoryNames = List.copyOf(Objects.requireNonNull(categoryNames, "categoryNames"));
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(createdAt, "createdAt");
        if (categories.length != createdAt.length) {
            throw new InvalidFieldException("facets", "categories and createdAt must cover the same items");
        }
        for (int item = 0; item < categories.length; item++) {
            int[] own = Objects.requireNonNull(categories[item], "categories[" + item + "]");
            for (int c = 0; c < own.length; c++) {
                if (own[c] < 0 || own[c] >= categoryNames.size() || (c > 0 && own[c] <= own[c - 1])) {
                    throw new InvalidFieldException("facets.categories", "item " + item
                            + " needs ascending category indexes below " + categoryNames.size());
                }
            }
        }
    }

    /** Facets that know nothing: no categories, no creation times. */
    public static ItemFacets none(int itemCount) {
        long[] unknown = new long[itemCount];
        Arrays.fill(unknown, UNKNOWN_TIME);
        return new ItemFacets(List.of(), new int[itemCount][0], unknown);
    }

    public int itemCount() {
        return createdAt.length;
    }

    public int categoryCount() {
        return categoryNames.size();
    }

    public boolean hasCreationTime(int item) {
        return createdAt[item] != UNKNOWN_TIME;
    }
}
