package io.tandem.domain.ranking;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.InteractionMatrix;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-item summaries of the training matrix that ranking features read: interaction counts, mean and first
 * interaction times (epoch seconds) and mean values. They describe the data a model was trained on, so they are
 * stored with the model and served as they were, never recomputed from live data.
 */
public record ItemStats(int[] count, double[] meanTime, long[] firstTime, double[] meanValue) {

    public ItemStats {
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(meanTime, "meanTime");
        Objects.requireNonNull(firstTime, "firstTime");
        Objects.requireNonNull(meanValue, "meanValue");
        if (meanTime.length != count.length || firstTime.length != count.length || meanValue.length != count.length) {
            throw new InvalidFieldException("itemStats", "needs one entry per item in every table");
        }
    }

    /** The summaries of {@code matrix}, user by user in row order. */
    public static ItemStats of(InteractionMatrix matrix) {
        int items = matrix.itemCount();
        int[] count = new int[items];
        double[] meanTime = new double[items];
        long[] firstTime = new long[items];
        double[] meanValue = new double[items];
        Arrays.fill(firstTime, Long.MAX_VALUE);
        int[] columns = matrix.columns();
        long[] times = matrix.times();
        float[] values = matrix.values();
        // User by user, in row order: the same sums in the same order as before the split from the user side.
        for (int p = 0; p < columns.length; p++) {
            int item = columns[p];
            count[item]++;
            meanTime[item] += times[p];
            meanValue[item] += values[p];
            firstTime[item] = Math.min(firstTime[item], times[p]);
        }
        for (int item = 0; item < items; item++) {
            if (count[item] > 0) {
                meanTime[item] /= count[item];
                meanValue[item] /= count[item];
            }
        }
        return new ItemStats(count, meanTime, firstTime, meanValue);
    }

    public int itemCount() {
        return count.length;
    }

    /** True when {@code item} had at least one interaction in the training matrix. */
    public boolean hasInteractions(int item) {
        return count[item] > 0;
    }
}
