package io.tandem.domain.experiment.offpolicy;

import java.util.List;

/**
 * Inverse propensity scoring, {@code mean(w r)}: unbiased whenever every action the target policy may take had
 * a logging propensity above 0, and as variable as the weights are heavy.
 */
public record InversePropensityScoring() implements OffPolicyEstimator {

    @Override
    public OffPolicyEstimate estimate(List<LoggedDecision> log, TargetPolicy target, double confidence) {
        ImportanceWeights weights = ImportanceWeights.of(log, target);
        double[] terms = new double[log.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = weights.weight(i) * log.get(i).reward();
        }
        return OffPolicyEstimate.meanOf("ips", terms, weights.effectiveSampleSize(), confidence);
    }
}
