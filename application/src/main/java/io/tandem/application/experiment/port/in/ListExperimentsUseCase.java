package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Experiment;

import java.util.List;

/** Every experiment, drafts and stopped ones too, in the order they were created. */
@FunctionalInterface
public interface ListExperimentsUseCase {

    List<Experiment> list();
}
