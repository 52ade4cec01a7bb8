package io.tandem.domain.retrieval;

import java.util.Arrays;

/**
 * Scores that are the same for every user (popularity), ranked once: a user's {@link Retrieval} walks the ranked
 * list past the history's items and subtracts them from the precomputed sums, without touching every item.
 * Thread-safe.
 */
public final class StaticScores {

    private final float[] scores;
    private final int[] order;
    private final double sum;
    private final double squares;
    private final long count;

    private StaticScores(float[] scores, int[] order, double sum, double squares, long count) {
        this.scores = scores;
        this.order = order;
        this.sum = sum;
        this.squares = squares;
        this.count = count;
    }

    /** Ranks {@code scores} (kept, not changed). */
    public static StaticScores of(float[] scores) {
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (float value : scores) {
            if (value != Float.NEGATIVE_INFINITY) {
                sum += value;
                squares += (double) value * value;
                count++;
            }
        }
        return new StaticScores(scores, TopItems.select(scores, scores.length), sum, squares, count);
    }

    /** The retrieval of a user with {@code history}. */
    public Retrieval retrieve(UserHistory history, int depth) {
        int[] had = history.items();
        double userSum = sum;
        double userSquares = squares;
        long userCount = count;
        for (int seen : had) {
            float value = scores[seen];
            if (value != Float.NEGATIVE_INFINITY) {
                userSum -= value;
                userSquares -= (double) value * value;
                userCount--;
            }
        }
        int[] top = new int[Math.min(depth, order.length)];
        int size = 0;
        for (int p = 0; p < order.length && size < top.length; p++) {
            if (Arrays.binarySearch(had, order[p]) < 0) {
                top[size++] = order[p];
            }
        }
        int[] ranked = size == top.length ? top : Arrays.copyOf(top, size);
        double[] moments = DenseRetrieval.Moments.of(userSum, userSquares, userCount);
        return new DenseRetrieval(scores, ranked, (float) moments[0], (float) moments[1]);
    }
}
