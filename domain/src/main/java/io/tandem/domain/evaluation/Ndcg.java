package io.tandem.domain.evaluation;

/**
 * Normalised discounted cumulative gain at k with binary relevance: each relevant item at 1-based position p
 * gains {@code 1 / log2(p + 1)}, and the sum is divided by the gain of an ideal list, which holds
 * {@code min(k, |relevant|)} relevant items at the top.
 */
public record Ndcg(int k) implements RankingMetric {

    public Ndcg {
        RankingMetric.requireCutOff(k);
    }

    @Override
    public String name() {
        return "ndcg@" + k;
    }

    @Override
    public double of(int[] ranking, RelevantItems relevant) {
        double gain = 0;
        for (int position = 0; position < Math.min(k, ranking.length); position++) {
            if (relevant.contains(ranking[position])) {
                gain += discount(position);
            }
        }
        double ideal = 0;
        for (int position = 0; position < Math.min(k, relevant.size()); position++) {
            ideal += discount(position);
        }
        return gain / ideal;
    }

    /** {@code 1 / log2(position + 2)} for a 0-based position. */
    private static double discount(int position) {
        return Math.log(2) / Math.log(position + 2.0);
    }
}
