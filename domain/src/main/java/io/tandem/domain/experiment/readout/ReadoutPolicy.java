package io.tandem.domain.experiment.readout;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SampleRatio;

import java.util.Objects;

/**
 * How an experiment is decided.
 *
 * @param test          the always-valid test of the primary metric's difference (its α is the error rate)
 * @param minUsers      users each of the two variants needs before the test is consulted (variance estimates
 *                      from a handful of users are too rough for the normal approximation)
 * @param maxUsers      users per variant after which "no difference found" stops the experiment
 * @param srmThreshold  the p-value below which the sample ratio counts as a mismatch
 */
public record ReadoutPolicy(PrimaryMetric metric, MixtureSprt test, long minUsers, long maxUsers,
                            GuardrailLimits guardrails, double srmThreshold) {

    public ReadoutPolicy {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(guardrails, "guardrails");
        if (minUsers < 2 || maxUsers < minUsers) {
            throw new InvalidFieldException("minUsers", "need 2 <= minUsers <= maxUsers");
        }
        if (!(srmThreshold > 0 && srmThreshold < 1)) {
            throw new InvalidFieldException("srmThreshold", "must lie strictly between 0 and 1");
        }
    }

    /** Click-through rate, α = 0.05 with τ = {@code expectedDifference}, default guardrails and SRM threshold. */
    public static ReadoutPolicy clickThroughRate(double expectedDifference, long minUsers, long maxUsers) {
        return new ReadoutPolicy(PrimaryMetric.CLICK_THROUGH_RATE, MixtureSprt.forEffect(0.05, expectedDifference),
                minUsers, maxUsers, GuardrailLimits.DEFAULT, SampleRatio.DEFAULT_THRESHOLD);
    }
}
