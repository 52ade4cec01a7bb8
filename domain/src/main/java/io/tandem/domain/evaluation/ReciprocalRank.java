package io.tandem.domain.evaluation;

/** Reciprocal rank at k: 1 / the 1-based position of the first relevant item within k, else 0; MRR averages it. */
public record ReciprocalRank(int k) implements RankingMetric {

    public ReciprocalRank {
        RankingMetric.requireCutOff(k);
    }

    @Override
    public String name() {
        return "mrr@" + k;
    }

    @Override
    public double of(int[] ranking, RelevantItems relevant) {
        for (int position = 0; position < Math.min(k, ranking.length); position++) {
            if (relevant.contains(ranking[position])) {
                return 1.0 / (position + 1);
            }
        }
        return 0.0;
    }
}
