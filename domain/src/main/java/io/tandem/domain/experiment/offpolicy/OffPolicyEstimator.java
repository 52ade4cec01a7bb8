package io.tandem.domain.experiment.offpolicy;

import java.util.List;

/**
 * Estimates a target policy's mean reward from a log of another policy's decisions, through the importance
 * weights {@code w = π_target(action | context, position) / propensity} of the logged actions.
 */
public sealed interface OffPolicyEstimator permits InversePropensityScoring, SelfNormalisedIps, DoublyRobust {

    /** The estimate with its interval at {@code confidence}; the log needs two records or more. */
    OffPolicyEstimate estimate(List<LoggedDecision> log, TargetPolicy target, double confidence);
}
