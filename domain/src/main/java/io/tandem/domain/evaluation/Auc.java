package io.tandem.domain.evaluation;

import java.util.Arrays;

/**
 * Area under the ROC curve of one user's full scoring: the chance that a relevant item is scored above an
 * unseen irrelevant one, ties counting half. Items scored {@code -Infinity} (those seen in training) take no
 * part; a relevant item scored so is ranked below every other item.
 */
public final class Auc {

    public static final String NAME = "auc";

    /**
     * Up to this many relevant items, each negative is compared with each of them in one pass (O(n·r)) instead of
     * sorting the negatives (O(n log n)): most hold-out users have one to a few new items, and on a catalogue of
     * tens of thousands of items the sort was most of a hold-out evaluation's time. Both count the same pairs, so
     * they give the same value to the last bit.
     */
    static final int COUNTED_POSITIVES = 8;

    private Auc() {
    }

    /**
     * @param scores   one score per item of the catalogue
     * @param relevant the user's test items, not empty
     * @return the AUC, or 0.5 when no item is left to compare with
     */
    public static double of(float[] scores, RelevantItems relevant) {
        if (relevant.size() <= COUNTED_POSITIVES) {
            return counted(scores, relevant);
        }
        return sorted(scores, relevant);
    }

    /** The same AUC as the sorted way, by counting for each relevant item the negatives below and tied with it. */
    static double counted(float[] scores, RelevantItems relevant) {
        int r = relevant.size();
        float[] positive = new float[r];
        for (int p = 0; p < r; p++) {
            int item = relevant.itemAt(p);
            positive[p] = item < scores.length ? scores[item] : Float.NEGATIVE_INFINITY;
        }
        long[] below = new long[r];
        long[] tied = new long[r];
        long count = 0;
        for (int item = 0; item < scores.length; item++) {
            float score = scores[item];
            if (score == Float.NEGATIVE_INFINITY || Float.isNaN(score) || relevant.contains(item)) {
                continue;
            }
            count++;
            for (int p = 0; p < r; p++) {
                if (score < positive[p]) {
                    below[p]++;
                } else if (score == positive[p]) {
                    tied[p]++;
                }
            }
        }
        if (count == 0 || r == 0) {
            return 0.5;
        }
        double wins = 0;
        for (int p = 0; p < r; p++) {
            if (positive[p] == Float.NEGATIVE_INFINITY || Float.isNaN(positive[p])) {
                continue;
            }
            wins += below[p] + 0.5 * tied[p];
        }
        return wins / ((double) r * count);
    }

    /** The AUC by sorting the negatives once: each relevant item is then a pair of binary searches. */
    static double sorted(float[] scores, RelevantItems relevant) {
        float[] negatives = new float[scores.length];
        int count = 0;
        for (int item = 0; item < scores.length; item++) {
            if (scores[item] != Float.NEGATIVE_INFINITY && !Float.isNaN(scores[item]) && !relevant.contains(item)) {
                negatives[count++] = scores[item];
            }
        }
        if (count == 0 || relevant.isEmpty()) {
            return 0.5;
        }
        Arrays.sort(negatives, 0, count);
        double wins = 0;
        for (int r = 0; r < relevant.size(); r++) {
            int positive = relevant.itemAt(r);
            float score = positive < scores.length ? scores[positive] : Float.NEGATIVE_INFINITY;
            if (score == Float.NEGATIVE_INFINITY || Float.isNaN(score)) {
                continue;
            }
            int below = firstAtLeast(negatives, count, score);
            int notAbove = firstAbove(negatives, count, score);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) relevant.size() * count);
    }

    private static int firstAtLeast(float[] sorted, int size, float value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int firstAbove(float[] sorted, int size, float value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
