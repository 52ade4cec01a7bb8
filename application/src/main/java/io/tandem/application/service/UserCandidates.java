package io.tandem.application.service;

import io.tandem.domain.retrieval.UserHistory;

/**
 * One user's candidates with what every retriever said about every item: full score vectors (seen items at
 * {@code -Infinity}), each retriever's ranked top list (deeper ranks read as one "far down" value), its best score
 * and the mean and standard deviation of its scores over unseen items. Vectors are indexed by item; ranks are
 * kept only for the ranked top lists, not for every item, so a request allocates little beyond the scores.
 */
final class UserCandidates {

    final UserHistory history;
    final int[] items;
    final float[][] scores;
    final float[] best;
    final float[] mean;
    final float[] deviation;
    private final RankTable[] ranks;
    private final int perRetriever;
    private final int farRank;

    UserCandidates(UserHistory history, int[] items, float[][] scores, int[][] tops, int perRetriever, int farRank,
                   float[] best, float[] mean, float[] deviation) {
        this.history = history;
        this.items = items;
        this.scores = scores;
        this.best = best;
        this.mean = mean;
        this.deviation = deviation;
        this.perRetriever = perRetriever;
        this.farRank = farRank;
        this.ranks = new RankTable[tops.length];
        for (int m = 0; m < tops.length; m++) {
            ranks[m] = new RankTable(tops[m]);
        }
    }

    int retrievers() {
        return scores.length;
    }

    /** Retriever {@code m}'s rank of {@code item} (1 = its best), or the "far down" rank below its ranked list. */
    int rank(int m, int item) {
        int rank = ranks[m].rankOf(item);
        return rank == 0 ? farRank : rank;
    }

    /** True when retriever {@code m} put {@code item} in its top list, the part that proposes candidates. */
    boolean proposedBy(int m, int item) {
        int rank = ranks[m].rankOf(item);
        return rank > 0 && rank <= perRetriever;
    }

    /** How many retrievers put {@code item} in their top list. */
    int sources(int item) {
        int count = 0;
        for (int m = 0; m < ranks.length; m++) {
            if (proposedBy(m, item)) {
                count++;
            }
        }
        return count;
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

    /** Item → rank of one ranked list: open addressing over a power-of-two table, rank 0 meaning "not ranked". */
    private static final class RankTable {

        private final int[] keys;
        private final int[] values;
        private final int mask;

        RankTable(int[] top) {
            int capacity = Integer.highestOneBit(Math.max(4, top.length * 2) - 1) << 1;
            keys = new int[capacity];
            values = new int[capacity];
            mask = capacity - 1;
            for (int p = 0; p < top.length; p++) {
                int slot = slot(top[p]);
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = top[p];
                values[slot] = p + 1;
            }
        }

        int rankOf(int item) {
            int slot = slot(item);
            while (values[slot] != 0) {
                if (keys[slot] == item) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            return 0;
        }

        private int slot(int item) {
            return (item * 0x9E3779B9 >>> 7) & mask;
        }
    }
}
