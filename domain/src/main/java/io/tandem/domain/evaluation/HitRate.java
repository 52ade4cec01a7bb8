package io.tandem.domain.evaluation;

/** Hit rate at k: 1 when at least one of the first k recommendations is relevant, else 0. */
public record HitRate(int k) implements RankingMetric {

    public HitRate {
        RankingMetric.requireCutOff(k);
    }

    @Override
    public String name() {
        return "hit_rate@" + k;
    }

    @Override
    public double of(int[] ranking, RelevantItems relevant) {
        return RankingMetric.hits(ranking, relevant, k) > 0 ? 1.0 : 0.0;
    }
}
