package io.tandem.domain.evaluation;

/** Recall at k: the share of the relevant items found among the first k recommendations. */
public record Recall(int k) implements RankingMetric {

    public Recall {
        RankingMetric.requireCutOff(k);
    }

    @Override
    public String name() {
        return "recall@" + k;
    }

    @Override
    public double of(int[] ranking, RelevantItems relevant) {
        return (double) RankingMetric.hits(ranking, relevant, k) / relevant.size();
    }
}
