package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;

/** A quality measure of one user's ranked list against the items that user turned out to want. */
public interface RankingMetric {

    /** The name in reports, for example {@code ndcg@10}. */
    String name();

    /**
     * The value for one user.
     *
     * @param ranking  recommended item indexes, best first; only the first {@code k} count
     * @param relevant the user's test items, not empty
     */
    double of(int[] ranking, RelevantItems relevant);

    /** How many of the first {@code k} entries of {@code ranking} are relevant. */
    static int hits(int[] ranking, RelevantItems relevant, int k) {
        int hits = 0;
        for (int position = 0; position < Math.min(k, ranking.length); position++) {
            if (relevant.contains(ranking[position])) {
                hits++;
            }
        }
        return hits;
    }

    /** Fails unless {@code k} is a usable cut-off. */
    static int requireCutOff(int k) {
        if (k < 1) {
            throw new InvalidFieldException("k", "must be 1 or more");
        }
        return k;
    }
}
