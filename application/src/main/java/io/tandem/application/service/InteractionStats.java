package io.tandem.application.service;

import io.tandem.domain.retrieval.InteractionMatrix;

import java.util.Arrays;

/**
 * Per-user and per-item summaries of a training matrix that ranking features read: counts, first, last and mean
 * interaction times (epoch seconds) and mean values (ratings, play counts).
 */
final class InteractionStats {

    final int[] itemCount;
    final double[] itemMeanTime;
    final long[] itemFirstTime;
    final double[] itemMeanValue;
    final int[] userCount;
    final double[] userMeanTime;
    final long[] userFirstTime;
    final long[] userLastTime;
    final double[] userMeanValue;

    InteractionStats(InteractionMatrix matrix) {
        int users = matrix.userCount();
        int items = matrix.itemCount();
        itemCount = new int[items];
        itemMeanTime = new double[items];
        itemFirstTime = new long[items];
        itemMeanValue = new double[items];
        userCount = new int[users];
        userMeanTime = new double[users];
        userFirstTime = new long[users];
        userLastTime = new long[users];
        userMeanValue = new double[users];
        Arrays.fill(itemFirstTime, Long.MAX_VALUE);
        int[] columns = matrix.columns();
        long[] times = matrix.times();
        float[] values = matrix.values();
        for (int user = 0; user < users; user++) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            double timeSum = 0;
            double valueSum = 0;
            for (int p = matrix.rowStart(user); p < matrix.rowEnd(user); p++) {
                int item = columns[p];
                first = Math.min(first, times[p]);
                last = Math.max(last, times[p]);
                timeSum += times[p];
                valueSum += values[p];
                itemCount[item]++;
                itemMeanTime[item] += times[p];
                itemMeanValue[item] += values[p];
                itemFirstTime[item] = Math.min(itemFirstTime[item], times[p]);
            }
            int count = matrix.rowLength(user);
            userCount[user] = count;
            userFirstTime[user] = count == 0 ? 0 : first;
            userLastTime[user] = count == 0 ? 0 : last;
            userMeanTime[user] = count == 0 ? 0 : timeSum / count;
            userMeanValue[user] = count == 0 ? 0 : valueSum / count;
        }
        for (int item = 0; item < items; item++) {
            if (itemCount[item] > 0) {
                itemMeanTime[item] /= itemCount[item];
                itemMeanValue[item] /= itemCount[item];
            }
        }
    }

    boolean hasInteractions(int item) {
        return itemCount[item] > 0;
    }
}
