package io.tandem.domain.ranking;

import io.tandem.domain.retrieval.UserCandidates;

import java.util.Arrays;

/**
 * Every retriever's score of every row's item, and whether the item is in the user's history, found for all rows
 * at once: the items sorted once, each retriever asked for them in one pass ({@link UserCandidates#scoresOfUnseen}),
 * the history walked beside them. Searching a list of 5,000 scored items (EASE) for each of 500 candidates cost
 * more than the rest of a feature row. The values are those {@link UserCandidates#scoreOfUnseen} and
 * {@link UserCandidates#isSeen} give item by item.
 */
final class RetrieverScores {

    private final float[] scores;
    private final boolean[] seen;
    private final int rows;

    private RetrieverScores(float[] scores, boolean[] seen, int rows) {
        this.scores = scores;
        this.seen = seen;
        this.rows = rows;
    }

    static RetrieverScores of(UserCandidates candidates, int[] items) {
        int n = items.length;
        long[] keyed = new long[n];
        for (int row = 0; row < n; row++) {
            keyed[row] = ((long) items[row] << 32) | row;
        }
        Arrays.sort(keyed);
        int[] ascending = new int[n];
        for (int k = 0; k < n; k++) {
            ascending[k] = (int) (keyed[k] >>> 32);
        }
        boolean[] seen = new boolean[n];
        int[] history = candidates.history().items();
        int h = 0;
        for (int k = 0; k < n; k++) {
            while (h < history.length && history[h] < ascending[k]) {
                h++;
            }
            seen[(int) keyed[k]] = h < history.length && history[h] == ascending[k];
        }
        int r = candidates.retrievers();
        float[] scores = new float[r * n];
        float[] column = new float[n];
        for (int m = 0; m < r; m++) {
            candidates.scoresOfUnseen(m, ascending, column);
            for (int k = 0; k < n; k++) {
                scores[m * n + (int) keyed[k]] = column[k];
            }
        }
        return new RetrieverScores(scores, seen, n);
    }

    /** True when the item of {@code row} is in the history (its scores are then not to be read). */
    boolean seen(int row) {
        return seen[row];
    }

    /** Retriever {@code m}'s score of the item of {@code row}. */
    float score(int m, int row) {
        return scores[m * rows + row];
    }
}
