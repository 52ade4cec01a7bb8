package io.tandem.domain.evaluation;

import java.util.Arrays;

/**
 * Area under the ROC curve of one user's full scoring: the chance that a relevant item is scored above an
 * unseen irrelevant one, ties counting half. Items scored {@code -Infinity} (those seen in training) take no
 * part; a relevant item scored so is ranked below every other item.
 */
public final class Auc {

    public static final String NAME = "auc";

    private Auc() {
    }

    /**
     * @param scores   one score per item of the catalogue
     * @param relevant the user's test items, not empty
     * @return the AUC, or 0.5 when no item is left to compare with
     */
    public static double of(float[] scores, RelevantItems relevant) {
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
        // Sorting the negatives once makes each relevant item a pair of binary searches instead of a scan.
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
