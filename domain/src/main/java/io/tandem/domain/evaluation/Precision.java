package io.tandem.domain.evaluation;

/** Precision at k: the share of the first k recommendations that are relevant (always divided by k). */
public record Precision(int k) implements RankingMetric {

    public Precision {
        RankingMetric.requireCutOff(k);
    }

    @Override
    public String name() {
        return "precision@" + k;
    }

    @Override
    public double of(int[] ranking, RelevantItems relevant) {
        return (double) RankingMetric.hits(ranking, relevant, k) / k;
    }
}
