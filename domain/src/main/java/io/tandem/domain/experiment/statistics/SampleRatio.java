package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sample-ratio-mismatch check: are the units each group received consistent with the shares it was
 * configured with? A mismatch means assignment, logging or filtering is skewed and no metric of the experiment
 * can be trusted until it is explained.
 *
 * <p>Two p-values are given. Pearson's chi-squared test is the classic one, valid when checked once. The check
 * runs at every look, though, so the verdict rests on an always-valid p-value: the inverse of the Bayes factor of
 * a Dirichlet-multinomial mixture (prior Dirichlet({@value #CONCENTRATION} × the configured shares)) against the
 * configured shares, a test martingale whose chance of ever crossing 1/threshold is at most the threshold
 * (Lindon and Malek 2020, "Anytime-valid inference for multinomial count data").
 *
 * @param chiSquare         Pearson's statistic
 * @param degreesOfFreedom  groups minus one
 * @param pValue            the chi-squared p-value: valid for one look only
 * @param alwaysValidPValue the mixture's p-value: valid however often the check is repeated
 * @param mismatch          true when {@code alwaysValidPValue} is below the threshold the check was run with
 */
public record SampleRatio(double chiSquare, int degreesOfFreedom, double pValue, double alwaysValidPValue,
                          boolean mismatch) {

    /** The customary threshold: at 0.001 a healthy experiment raises a false alarm at most once in a thousand. */
    public static final double DEFAULT_THRESHOLD = 0.001;
    /**
     * The prior's concentration: the configured shares plus or minus about 1.6 points (a share of 0.5 with 1,000
     * pseudo-units), wide enough to flag gross skews within a few thousand units and still flag a 0.2-point skew
     * among millions.
     */
    public static final double CONCENTRATION = 1_000;

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
        int degreesOfFreedom = shares.size() - 1;
        if (total == 0) {
            return new SampleRatio(0, degreesOfFreedom, 1.0, 1.0, false);
        }
        double chiSquare = 0;
        double logBayesFactor = Gamma.logGamma(CONCENTRATION) - Gamma.logGamma(CONCENTRATION + total);
        for (Map.Entry<String, Double> group : shares.entrySet()) {
            double share = group.getValue() / shareSum;
            long observed = observedUnits.get(group.getKey());
            double gap = observed - total * share;
            chiSquare += gap * gap / (total * share);
            double prior = CONCENTRATION * share;
            logBayesFactor += Gamma.logGamma(prior + observed) - Gamma.logGamma(prior) - observed * Math.log(share);
        }
        double alwaysValid = Math.min(1.0, Math.exp(-logBayesFactor));
        return new SampleRatio(chiSquare, degreesOfFreedom, ChiSquared.upperTail(chiSquare, degreesOfFreedom),
                alwaysValid, alwaysValid < threshold);
    }
}
