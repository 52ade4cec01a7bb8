package io.tandem.domain.ranking;

/**
 * The diversity re-rank: maximal marginal relevance over item categories, which trades a little relevance for
 * top places that do not all share the same categories.
 */
public final class MaximalMarginalRelevance {

    /** How many rows, per place asked for, compete for the places: deeper rows are too weak to be worth it. */
    public static final int WINDOW_PER_PLACE = 4;

    private MaximalMarginalRelevance() {
    }

    /**
     * Re-orders the best {@code 4 × count} rows of {@code order}: each next row maximises
     * {@code (1 - lambda) × relevance - lambda × (largest category overlap with a row already chosen)}, with
     * relevance the score scaled to [0, 1] over those rows. The rows after them keep their order.
     *
     * @param scores     the score of each row
     * @param order      rows by score, highest first (see {@link ScoreOrder#highestFirst})
     * @param items      the item of each row
     * @param categories each item's categories as ascending indexes
     * @param count      the places to fill
     * @param lambda     from 0 (relevance alone) to 1 (diversity alone)
     * @return a new order; {@code order} itself when fewer than two rows compete
     */
    public static int[] reorder(float[] scores, int[] order, int[] items, int[][] categories, int count,
                                double lambda) {
        int window = Math.min(order.length, count * WINDOW_PER_PLACE);
        if (window < 2) {
            return order;
        }
        float best = scores[order[0]];
        float worst = scores[order[window - 1]];
        float range = best - worst;
        boolean[] taken = new boolean[window];
        int[] result = order.clone();
        for (int slot = 0; slot < Math.min(window, count); slot++) {
            int pick = -1;
            double pickValue = Double.NEGATIVE_INFINITY;
            for (int w = 0; w < window; w++) {
                if (taken[w]) {
                    continue;
                }
                int row = order[w];
                double relevance = range > 0 ? (scores[row] - worst) / range : 1.0;
                double overlap = 0;
                for (int s = 0; s < slot; s++) {
                    overlap = Math.max(overlap, jaccard(categories[items[row]], categories[items[result[s]]]));
                }
                double value = (1 - lambda) * relevance - lambda * overlap;
                if (value > pickValue) {
                    pickValue = value;
                    pick = w;
                }
            }
            taken[pick] = true;
            result[slot] = order[pick];
        }
        int next = Math.min(window, count);
        for (int w = 0; w < window; w++) {
            if (!taken[w]) {
                result[next++] = order[w];
            }
        }
        return result;
    }

    /** Overlap of two ascending category lists, |a ∩ b| / |a ∪ b|; 0 when either is empty. */
    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) shared / (a.length + b.length - shared);
    }
}
