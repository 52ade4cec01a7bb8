package io.tandem.adapters.out.training;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;

/** The share of a user's interactions that fall in each category (an item in two categories counts for both). */
final class CategoryShares {

    private CategoryShares() {
    }

    static float[] of(InteractionMatrix interactions, ItemFacets items, int user) {
        float[] shares = new float[items.categoryCount()];
        int from = interactions.rowStart(user);
        int to = interactions.rowEnd(user);
        if (to == from) {
            return shares;
        }
        int[] columns = interactions.columns();
        int[][] categories = items.categories();
        for (int p = from; p < to; p++) {
            for (int category : categories[columns[p]]) {
                shares[category] += 1f;
            }
        }
        float total = to - from;
        for (int c = 0; c < shares.length; c++) {
            shares[c] /= total;
        }
        return shares;
    }
}
