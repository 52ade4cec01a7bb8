package io.tandem.domain.experiment.decision;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.ExperimentNames;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.model.ModelRef;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An experiment's decision about one challenger's model version, with the evidence it rested on, as the registry
 * keeps it beside the version. One experiment decides a version once: recording it again changes nothing.
 *
 * @param version             the challenger's pinned version, the one the decision is about
 * @param control             the first variant, the one every challenger is read against
 * @param difference          the primary metric, challenger minus control; empty when no look could be taken
 * @param alwaysValidInterval the always-valid interval of the difference after the last look
 * @param alwaysValidPValue   the always-valid p-value of "no difference" after the last look
 * @param looks               looks the sequential test took
 * @param sampleRatioPValue   the sample-ratio check's always-valid p-value over every group
 * @param sampleRatioMismatch whether that check found the assignment skewed
 * @param guardrailsHeld      whether the challenger kept the p99 latency and fallback share limits
 * @param offlineGatePassed   whether the version's registry record passed the offline gate
 * @param reason              why, in words, at most {@value #MAX_REASON} characters
 */
public record ExperimentDecision(String experiment, ModelRef version, DecisionOutcome outcome, Instant decidedAt,
                                 PrimaryMetric metric, VariantEvidence control, VariantEvidence challenger,
                                 OptionalDouble difference, Interval alwaysValidInterval, double alwaysValidPValue,
                                 int looks, double sampleRatioPValue, boolean sampleRatioMismatch,
                                 boolean guardrailsHeld, boolean offlineGatePassed, String reason) {

    public static final int MAX_REASON = 2000;

    public ExperimentDecision {
        experiment = ExperimentNames.canonical("experiment", experiment);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(challenger, "challenger");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(alwaysValidInterval, "alwaysValidInterval");
        if (!(alwaysValidPValue >= 0 && alwaysValidPValue <= 1) || !(sampleRatioPValue >= 0 && sampleRatioPValue <= 1)) {
            throw new InvalidFieldException("pValue", "p-values lie in [0, 1]");
        }
        if (looks < 0) {
            throw new InvalidFieldException("looks", "must not be negative");
        }
        reason = InvalidFieldException.requireText("reason", reason);
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 1) + "…";
        }
        if (outcome == DecisionOutcome.PROMOTED && !(offlineGatePassed && guardrailsHeld)) {
            throw new InvalidFieldException("outcome", "a promotion needs the offline gate passed and the guardrails "
                    + "held");
        }
    }
}
