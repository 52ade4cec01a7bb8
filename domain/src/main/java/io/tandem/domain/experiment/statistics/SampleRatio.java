package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sample-ratio-mismatch check: a chi-squared goodness-of-fit test of the units each group received against
 * the shares it was configured with. A mismatch means assignment, logging or filtering is skewed and no metric
 * of the experiment can be trusted until it is explained.
 *
 * @param chiSquare        Pearson's statistic
 * @param degreesOfFreedom groups minus one
 * @param pValue           the chance of a statistic at least this large if assignment works as configured
 * @param mismatch         true when {@code pValue} is below the threshold the check was run with
 */
public record SampleRatio(double chiSquare, int degreesOfFreedom, double pValue, boolean mismatch) {

    /** The customary threshold: at 0.001 a healthy experiment raises a false alarm once in a thousand. */
    public static final double DEFAULT_THRESHOLD = 0.001;

    /**
     * @param observedUnits  units seen per group
     * @param expectedShares the configured share per group, the same groups, summing to 1
     */
    public static SampleRatio check(Map<String, Long> observedUnits, Map<String, Double> expectedShares,
                                    double threshold) {
        Objects.requireNonNull(observedUnits, "observedUnits");
        Objects.requireNonNull(expectedShares, "expectedShares");
        if (!(threshold > 0 && threshold < 1)) {
            throw new InvalidFieldException("threshold", "must lie strictly between 0 and 1");
        }
        if (!observedUnits.keySet().equals(expectedShares.keySet()) || observedUnits.size() < 2) {
            throw new InvalidFieldException("groups", "observed and expected must name the same two or more groups");
        }
        Map<String, Double> shares = new LinkedHashMap<>(expectedShares);
        double shareSum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (shares.values().stream().anyMatch(share -> !(share > 0)) || Math.abs(shareSum - 1) > 1e-6) {
            throw new InvalidFieldException("expectedShares", "must be above 0 and sum to 1");
        }
        long total = 0;
        for (long units : observedUnits.values()) {
            if (units < 0) {
                throw new InvalidFieldException("observedUnits", "must not be negative");
            }
            total += units;
        }
        if (total == 0) {
            return new SampleRatio(0, shares.size() - 1, 1.0, false);
        }
        double chiSquare = 0;
        for (Map.Entry<String, Double> group : shares.entrySet()) {
            double expected = total * group.getValue() / shareSum;
            double gap = observedUnits.get(group.getKey()) - expected;
            chiSquare += gap * gap / expected;
        }
        int degreesOfFreedom = shares.size() - 1;
        double pValue = ChiSquared.upperTail(chiSquare, degreesOfFreedom);
        return new SampleRatio(chiSquare, degreesOfFreedom, pValue, pValue < threshold);
    }
}
