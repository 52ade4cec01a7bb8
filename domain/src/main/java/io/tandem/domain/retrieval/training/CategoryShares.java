package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.UserHistory;

/** The share of a user's interactions that fall in each category (an item in two categories counts for both). */
final class CategoryShares {

    private CategoryShares() {
    }

    static float[] of(UserHistory history, ItemFacets items) {
        float[] shares = new float[items.categoryCount()];
        if (history.isEmpty()) {
            return shares;
        }
        int[][] categories = items.categories();
        for (int item : history.items()) {
            for (int category : categories[item]) {
                shares[category] += 1f;
            }
        }
        float total = history.size();
        for (int c = 0; c < shares.length; c++) {
            shares[c] /= total;
        }
        return shares;
    }
}
