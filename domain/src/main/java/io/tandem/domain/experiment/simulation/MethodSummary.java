package io.tandem.domain.experiment.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How one method (A/B or interleaving) did over the runs of one scenario.
 *
 * @param right              runs that reached the right verdict (for no difference: no decision)
 * @param wrong              runs that decided against the truth (wrong direction, or any decision under no
 *                           difference): the error the test's α bounds
 * @param undecided          runs still undecided at the horizon (in a scenario with a difference: a miss)
 * @param medianImpressions  median impressions of the decided runs; NaN when none decided
 * @param p90Impressions     90th percentile of impressions of the decided runs; NaN when none decided
 */
public record MethodSummary(int right, int wrong, int undecided, double medianImpressions, double p90Impressions) {

    static MethodSummary of(Scenario scenario, List<SimulationRun> runs, Function<SimulationRun, Decision> method) {
        int right = 0;
        int wrong = 0;
        int undecided = 0;
        long[] impressions = new long[runs.size()];
        int decided = 0;
        for (SimulationRun run : runs) {
            Decision decision = method.apply(run);
            if (decision.verdict() == scenario.rightVerdict()) {
                right++;
            } else if (scenario.isWrong(decision.verdict())) {
                wrong++;
            } else {
                undecided++;
            }
            if (decision.decided()) {
                impressions[decided++] = decision.impressions();
            }
        }
        long[] sorted = Arrays.copyOf(impressions, decided);
        Arrays.sort(sorted);
        return new MethodSummary(right, wrong, undecided, quantile(sorted, 0.5), quantile(sorted, 0.9));
    }

    public int runs() {
        return right + wrong + undecided;
    }

    public double wrongRate() {
        return runs() == 0 ? 0 : wrong / (double) runs();
    }

    public double rightRate() {
        return runs() == 0 ? 0 : right / (double) runs();
    }

    /** The nearest-rank quantile of sorted values. */
    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
