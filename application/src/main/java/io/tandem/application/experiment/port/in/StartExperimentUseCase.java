package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Experiment;

import java.util.Optional;

/**
 * Starts a draft experiment now. Starting anything but a draft, or while another experiment runs on an overlapping
 * surface, is an {@link io.tandem.domain.experiment.ExperimentConflictException} naming {@code status} or
 * {@code surface}; the check and the start are one step for every instance sharing the store.
 *
 * @return the running experiment, or empty when there is none of that name
 */
@FunctionalInterface
public interface StartExperimentUseCase {

    Optional<Experiment> start(StartExperimentCommand command);
}
