package io.tandem.domain.ranking;

import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.ItemFacets;

import java.util.Optional;

/**
 * What a feature row reads of its item, computed once per model and laid out item by item: one item's values sit
 * in one or two cache lines instead of six arrays of the catalogue's length, each a cache miss per candidate at
 * 100,000 items. Unknown values are NaN; every value is the one the row used to compute from the arrays (a long
 * time converted to double as the subtraction converted it), so rows are unchanged bit for bit.
 */
final class ItemTable {

    /** Values per item, a power of two so that an item's values start at a multiple of 64 bytes from the first. */
    static final int STRIDE = 8;
    static final int LOG_POPULARITY = 0;
    /** The mean value as the row's float, NaN without interactions. */
    static final int MEAN_VALUE = 1;
    /** Creation time in epoch seconds, NaN when unknown. */
    static final int CREATED = 2;
    /** First interaction time, NaN without interactions (so this also says whether the item has any). */
    static final int FIRST_TIME = 3;
    static final int MEAN_TIME = 4;
    /** The item vector's squared length, summed as the cosine sums it; 0 without embeddings. */
    static final int SQUARES = 5;
    /** How many categories the item has. */
    static final int CATEGORY_COUNT = 6;
    /**
     * Up to {@link #INLINE_CATEGORIES} category indexes, in the item's order, {@link #CATEGORY_BITS} bits each (exact
     * in a double); an item with more is read from its facets. Reading an item's own category array was the largest
     * single cost of a row: a second cache miss.
     */
    static final int CATEGORIES = 7;
    static final int INLINE_CATEGORIES = 2;
    static final int CATEGORY_BITS = 24;
    static final int CATEGORY_MASK = (1 << CATEGORY_BITS) - 1;

    private ItemTable() {
    }

    static double[] of(ItemStats stats, ItemFacets facets, Optional<Embeddings> embeddings) {
        int n = stats.itemCount();
        double[] table = new double[n * STRIDE];
        for (int item = 0; item < n; item++) {
            int at = item * STRIDE;
            boolean known = stats.hasInteractions(item);
            table[at + LOG_POPULARITY] = (float) Math.log1p(stats.count()[item]);
            table[at + MEAN_VALUE] = known ? (float) stats.meanValue()[item] : Float.NaN;
            table[at + CREATED] = facets.hasCreationTime(item) ? (double) facets.createdAt()[item] : Double.NaN;
            table[at + FIRST_TIME] = known ? (double) stats.firstTime()[item] : Double.NaN;
            table[at + MEAN_TIME] = stats.meanTime()[item];
            table[at + SQUARES] = embeddings.isPresent() ? squares(embeddings.get(), item) : 0;
            int[] categories = facets.categories()[item];
            table[at + CATEGORY_COUNT] = categories.length;
            if (categories.length <= INLINE_CATEGORIES && facets.categoryCount() <= CATEGORY_MASK) {
                long packed = 0;
                for (int c = categories.length - 1; c >= 0; c--) {
                    packed = (packed << CATEGORY_BITS) | categories[c];
                }
                table[at + CATEGORIES] = packed;
            } else {
                table[at + CATEGORIES] = Double.NaN;
            }
        }
        return table;
    }

    /** The item vector's squared length, in dimension order. */
    private static double squares(Embeddings e, int item) {
        int f = e.dimension();
        float[] vectors = e.items();
        double sum = 0;
        for (int d = 0; d < f; d++) {
            double y = vectors[item * f + d];
            sum += y * y;
        }
        return sum;
    }
}
