package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.Retrieval;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.StaticScores;
import io.tandem.domain.retrieval.UserHistory;

import java.util.Objects;

/**
 * Time-decayed popularity: every interaction adds {@code 2^(-(newest - t) / halfLife)} to its item, the newest
 * interaction of the training data being "now". With {@link PopularityParameters.Scope#USER_CATEGORIES} an item's
 * popularity is weighted by the share of the user's history in the item's categories.
 */
public final class PopularityTrainer {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final PopularityParameters parameters;

    public PopularityTrainer(PopularityParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** Decayed popularity from {@code interactions}, weighted by the categories in {@code items} when the scope asks. */
    public RetrievalModel train(InteractionMatrix interactions, ItemFacets items) {
        float[] popularity = popularity(interactions, parameters.halfLifeDays());
        if (parameters.scope() == PopularityParameters.Scope.GLOBAL) {
            return new GlobalPopularity(popularity);
        }
        return new CategoryPopularity(popularity, items);
    }

    static float[] popularity(InteractionMatrix interactions, double halfLifeDays) {
        float[] popularity = new float[interactions.itemCount()];
        int[] columns = interactions.columns();
        long[] times = interactions.times();
        long newest = interactions.latestTime();
        boolean decays = Double.isFinite(halfLifeDays);
        double halfLifeSeconds = halfLifeDays * SECONDS_PER_DAY;
        // Summed in double per item, in matrix order: the same input gives the same floats.
        double[] sums = new double[popularity.length];
        for (int p = 0; p < columns.length; p++) {
            sums[columns[p]] += decays ? Math.pow(2.0, -(newest - times[p]) / halfLifeSeconds) : 1.0;
        }
        for (int item = 0; item < popularity.length; item++) {
            popularity[item] = (float) sums[item];
        }
        return popularity;
    }

    /** The same list for every user. */
    static final class GlobalPopularity implements RetrievalModel {

        static final byte TAG = 1;

        private final float[] popularity;

        private final StaticScores ranked;

        GlobalPopularity(float[] popularity) {
            this.popularity = popularity;
            this.ranked = StaticScores.of(popularity);
        }

        /** The list ranked once for everybody, walked past the user's history. */
        @Override
        public Retrieval retrieve(UserHistory history, int depth, float[] buffer) {
            return ranked.retrieve(history, depth);
        }

        @Override
        public int itemCount() {
            return popularity.length;
        }

        float[] popularity() {
            return popularity;
        }

        @Override
        public void score(UserHistory history, float[] scores) {
            System.arraycopy(popularity, 0, scores, 0, popularity.length);
        }
    }

    /**
     * Popularity within the user's categories: an item scores its popularity times (a small floor plus the
     * largest share of the user's history held by one of its categories), so popular items of a user's favourite
     * genres come first and uncategorised items still have an order.
     */
    static final class CategoryPopularity implements RetrievalModel {

        static final byte TAG = 5;

        /** Keeps items outside the user's categories ordered by popularity instead of all tied at zero. */
        private static final float FLOOR = 0.05f;

        private final float[] popularity;
        private final ItemFacets items;

        CategoryPopularity(float[] popularity, ItemFacets items) {
            this.popularity = popularity;
            this.items = items;
        }

        @Override
        public int itemCount() {
            return popularity.length;
        }

        float[] popularity() {
            return popularity;
        }

        @Override
        public void score(UserHistory history, float[] scores) {
            float[] shares = CategoryShares.of(history, items);
            int[][] categories = items.categories();
            for (int item = 0; item < popularity.length; item++) {
                float best = 0;
                for (int category : categories[item]) {
                    best = Math.max(best, shares[category]);
                }
                scores[item] = popularity[item] * (FLOOR + best);
            }
        }
    }
}
