package io.tandem.adapters.in.bench;

import io.tandem.domain.evaluation.AveragePrecision;
import io.tandem.domain.evaluation.CatalogCoverage;
import io.tandem.domain.evaluation.HitRate;
import io.tandem.domain.evaluation.Ndcg;
import io.tandem.domain.evaluation.Precision;
import io.tandem.domain.evaluation.RankingMetric;
import io.tandem.domain.evaluation.Recall;
import io.tandem.domain.evaluation.ReciprocalRank;
import io.tandem.domain.evaluation.RelevantItems;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the served answers of one split with the domain's metric code, as {@code evaluate} scores its own
 * rankings: each metric averaged over the users asked, and the catalogue coverage of their lists. Beside them it
 * counts what a user would notice: items the user already had, short lists, answers from the fallback (by
 * reason), errors, and the latency of each answer. Users must be added in a fixed order for identical sums.
 */
final class ServedQuality {

    private final int k;
    private final int count;
    private final List<RankingMetric> metrics;
    private final double[] sums;
    private final CatalogCoverage coverage;
    private final Map<String, Integer> fallbackReasons = new TreeMap<>();
    private final long[] latencies;
    private int users;
    private int alreadySeenItems;
    private int alreadySeenUsers;
    private int unknownItems;
    private int shortLists;
    private int fallbacks;
    private int errors;
    private String firstError = "";

    /**
     * @param k       the cut-off of the metrics
     * @param count   the list length asked for; shorter lists are counted
     * @param catalog the number of items in the split's catalogue
     * @param users   the number of users that will be added
     */
    ServedQuality(int k, int count, int catalog, int users) {
        this.k = k;
        this.count = count;
        this.metrics = List.of(new Precision(k), new Recall(k), new Ndcg(k), new AveragePrecision(k),
                new ReciprocalRank(k), new HitRate(k));
        this.sums = new double[metrics.size()];
        this.coverage = new CatalogCoverage(catalog, k);
        this.latencies = new long[users];
    }

    /** Adds one user's answer: {@code ranking} holds the served items' indexes, -1 for one the split lacks. */
    void add(QualityClient.Answer answer, int[] ranking, int[] relevant, int seenInList) {
        latencies[users++] = answer.nanos();
        if (answer.status() != 200) {
            errors++;
            if (firstError.isEmpty()) {
                firstError = answer.status() + " " + answer.problem();
            }
        }
        RelevantItems truth = RelevantItems.of(relevant);
        for (int m = 0; m < metrics.size(); m++) {
            sums[m] += metrics.get(m).of(ranking, truth);
        }
        coverage.add(Arrays.stream(ranking).filter(item -> item >= 0).toArray());
        unknownItems += (int) Arrays.stream(ranking).filter(item -> item < 0).count();
        if (seenInList > 0) {
            alreadySeenItems += seenInList;
            alreadySeenUsers++;
        }
        if (answer.status() == 200 && ranking.length < count) {
            shortLists++;
        }
        if (answer.fallback()) {
            fallbacks++;
            fallbackReasons.merge(answer.fallbackReason().orElse("unnamed"), 1, Integer::sum);
        }
    }

    int k() {
        return k;
    }

    int users() {
        return users;
    }

    /** Each metric's mean over the users added, by the names {@code evaluate} reports, then coverage. */
    Map<String, Double> means() {
        Map<String, Double> means = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            means.put(metrics.get(m).name(), users == 0 ? Double.NaN : sums[m] / users);
        }
        means.put(CatalogCoverage.NAME, coverage.value());
        return means;
    }

    int alreadySeenItems() {
        return alreadySeenItems;
    }

    int alreadySeenUsers() {
        return alreadySeenUsers;
    }

    int unknownItems() {
        return unknownItems;
    }

    int shortLists() {
        return shortLists;
    }

    int fallbacks() {
        return fallbacks;
    }

    double fallbackShare() {
        return users == 0 ? 0 : (double) fallbacks / users;
    }

    Map<String, Integer> fallbackReasons() {
        return Map.copyOf(fallbackReasons);
    }

    int errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    LatencyPercentiles latency() {
        return new LatencyPercentiles(latencies, users);
    }
}
