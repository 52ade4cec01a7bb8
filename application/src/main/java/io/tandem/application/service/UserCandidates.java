package io.tandem.application.service;

import io.tandem.domain.retrieval.UserHistory;

/**
 * One user's candidates with what every retriever said about every item: full score vectors (seen items at
 * {@code -Infinity}), ranks (capped at a "far down" value), each retriever's best score and the mean and
 * standard deviation of its scores over unseen items, and how many retrievers put each item in their top list.
 * Vectors are indexed by item.
 */
final class UserCandidates {

    final UserHistory history;
    final int[] items;
    final float[][] scores;
    final int[][] ranks;
    final float[] best;
    final float[] mean;
    final float[] deviation;
    final int[] sources;

    UserCandidates(UserHistory history, int[] items, float[][] scores, int[][] ranks, float[] best, float[] mean,
                   float[] deviation, int[] sources) {
        this.history = history;
        this.items = items;
        this.scores = scores;
        this.ranks = ranks;
        this.best = best;
        this.mean = mean;
        this.deviation = deviation;
        this.sources = sources;
    }

    /**
     * Retriever {@code m}'s score of {@code item} standardised over the user's unseen items: comparable across
     * retrievers and across models trained on more or less data, unlike raw scores.
     */
    float standardised(int m, int item) {
        return deviation[m] > 0 ? (scores[m][item] - mean[m]) / deviation[m] : 0f;
    }

    /** The sum of every retriever's standardised score of {@code item}: a simple fusion the ranker can refine. */
    float fused(int item) {
        float sum = 0;
        for (int m = 0; m < scores.length; m++) {
            sum += standardised(m, item);
        }
        return sum;
    }

    boolean isSeen(int item) {
        return scores.length > 0 && scores[0][item] == Float.NEGATIVE_INFINITY;
    }
}
