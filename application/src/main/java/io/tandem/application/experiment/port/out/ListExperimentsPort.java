package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.Experiment;

import java.util.List;

/** Every stored experiment, whatever its status, in the order they were created. */
@FunctionalInterface
public interface ListExperimentsPort {

    List<Experiment> listExperiments();
}
