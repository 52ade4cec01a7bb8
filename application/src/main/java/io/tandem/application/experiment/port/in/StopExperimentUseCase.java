package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Experiment;

import java.util.Optional;

/**
 * Stops a running experiment now, for good. Stopping a draft or a stopped experiment is an
 * {@link io.tandem.domain.experiment.ExperimentConflictException} naming {@code status}.
 *
 * @return the stopped experiment, or empty when there is none of that name
 */
@FunctionalInterface
public interface StopExperimentUseCase {

    Optional<Experiment> stop(StopExperimentCommand command);
}
