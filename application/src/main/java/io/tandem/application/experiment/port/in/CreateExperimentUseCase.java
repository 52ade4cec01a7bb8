package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Experiment;

/**
 * Creates a draft experiment. A pinned model version the registry does not hold is refused naming
 * {@code variants[i].model.name} or {@code .version}; a name already taken is an
 * {@link io.tandem.domain.experiment.ExperimentConflictException} naming {@code name}.
 */
@FunctionalInterface
public interface CreateExperimentUseCase {

    Experiment create(CreateExperimentCommand command);
}
