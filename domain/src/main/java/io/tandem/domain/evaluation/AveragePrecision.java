package io.tandem.domain.evaluation;

/**
 * Average precision at k: the precision at each relevant position within k, summed and divided by
 * {@code min(k, |relevant|)}, so a perfect list scores 1 even when the user has more than k relevant items.
 * MAP averages it over users.
 */
public record AveragePrecision(int k) implements RankingMetric {

    public AveragePrecision {
        RankingMetric.requireCutOff(k);
    }

    @Override
    public String name() {
        return "map@" + k;
    }

    @Override
    public double of(int[] ranking, RelevantItems relevant) {
        int hits = 0;
        double sum = 0;
        for (int position = 0; position < Math.min(k, ranking.length); position++) {
            if (relevant.contains(ranking[position])) {
                hits++;
                sum += (double) hits / (position + 1);
            }
        }
        return sum / Math.min(k, relevant.size());
    }
}
