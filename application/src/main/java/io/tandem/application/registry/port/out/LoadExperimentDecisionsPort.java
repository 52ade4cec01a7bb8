package io.tandem.application.registry.port.out;

import io.tandem.domain.experiment.decision.ExperimentDecision;

import java.util.List;

/** Reads the experiment decisions the registry keeps beside model versions. */
public interface LoadExperimentDecisionsPort {

    /** Every decision about any version of the model, oldest first; empty for an unknown model. */
    List<ExperimentDecision> loadModelDecisions(String model);

    /** Every decision the experiment took, oldest first. */
    List<ExperimentDecision> loadExperimentDecisions(String experiment);
}
