package io.tandem.application.registry.port.out;

import io.tandem.domain.experiment.decision.ExperimentDecision;

/**
 * Keeps an experiment's decision about a model version, with its evidence, beside the version in the registry. One
 * experiment decides one version once: the first record stands, so deciding again (a retry, two instances at once)
 * never rewrites the evidence.
 */
@FunctionalInterface
public interface RecordExperimentDecisionPort {

    /** @return true when stored, false (changing nothing) when that experiment's decision about that version exists */
    boolean recordDecision(ExperimentDecision decision);
}
