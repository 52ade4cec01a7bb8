package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The metrics one evaluation reports for every user: ranking metrics at a cut-off plus AUC over the full
 * scoring. Per-user values come out in {@link #names()} order.
 */
public final class MetricSuite {

    private final int k;
    private final List<RankingMetric> rankingMetrics;

    private MetricSuite(int k, List<RankingMetric> rankingMetrics) {
        this.k = k;
        this.rankingMetrics = List.copyOf(rankingMetrics);
    }

    /** Precision, recall, NDCG, MAP, MRR and hit rate at {@code k}, and AUC. */
    public static MetricSuite at(int k) {
        RankingMetric.requireCutOff(k);
        return new MetricSuite(k, List.of(new Precision(k), new Recall(k), new Ndcg(k), new AveragePrecision(k),
                new ReciprocalRank(k), new HitRate(k)));
    }

    public int k() {
        return k;
    }

    /** The metric names, ranking metrics first and {@value Auc#NAME} last. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        rankingMetrics.forEach(metric -> names.add(metric.name()));
        names.add(Auc.NAME);
        return List.copyOf(names);
    }

    /**
     * The metric values of one user.
     *
     * @param top      the user's top {@code k} items, best first
     * @param scores   the user's full scoring, seen items at {@code -Infinity}, for AUC
     * @param relevant the user's test items, not empty
     */
    public double[] measure(int[] top, float[] scores, RelevantItems relevant) {
        Objects.requireNonNull(top, "top");
        if (relevant.isEmpty()) {
            throw new InvalidFieldException("relevant", "a user without test items is not evaluated");
        }
        double[] values = new double[rankingMetrics.size() + 1];
        for (int m = 0; m < rankingMetrics.size(); m++) {
            values[m] = rankingMetrics.get(m).of(top, relevant);
        }
        values[rankingMetrics.size()] = Auc.of(scores, relevant);
        return values;
    }
}
