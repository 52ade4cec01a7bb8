package io.tandem.adapters.out.xgboost;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** NDCG@k with exponential gain averaged over query groups, the measure LambdaMART optimises. */
final class Ndcg {

    private Ndcg() {
    }

    static double mean(float[] scores, float[] labels, int[] groupSizes, int k) {
        double sum = 0;
        int counted = 0;
        int start = 0;
        for (int size : groupSizes) {
            double ideal = dcg(labels, start, sortedBy(labels, start, size), k);
            if (ideal > 0) {
                sum += dcg(labels, start, sortedBy(scores, start, size), k) / ideal;
                counted++;
            }
            start += size;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    private static Integer[] sortedBy(float[] values, int start, int size) {
        Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[start + i]).reversed());
        return order;
    }

    private static double dcg(float[] labels, int start, Integer[] order, int k) {
        double dcg = 0;
        for (int rank = 0; rank < Math.min(k, order.length); rank++) {
            dcg += (Math.pow(2, labels[start + order[rank]]) - 1) / (Math.log(rank + 2) / Math.log(2));
        }
        return dcg;
    }
}
