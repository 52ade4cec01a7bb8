package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.Experiment;

import java.util.Optional;

/** Reads one experiment by its exact name. */
@FunctionalInterface
public interface LoadExperimentPort {

    Optional<Experiment> loadExperiment(String name);
}
