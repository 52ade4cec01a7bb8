package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.Experiment;

/** Stores a new experiment; false, and nothing stored, when one of that name exists already. */
@FunctionalInterface
public interface SaveExperimentPort {

    boolean saveExperiment(Experiment experiment);
}
