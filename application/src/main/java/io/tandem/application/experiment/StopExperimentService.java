package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.StopExperimentCommand;
import io.tandem.application.experiment.port.in.StopExperimentUseCase;
import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.domain.experiment.Experiment;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Stops running experiments, through the store's atomic change so that a stop never overwrites another. */
public final class StopExperimentService implements StopExperimentUseCase {

    private final ChangeExperimentPort change;
    private final Clock clock;

    public StopExperimentService(ChangeExperimentPort change, Clock clock) {
        this.change = Objects.requireNonNull(change, "change");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Experiment> stop(StopExperimentCommand command) {
        return change.changeExperiment(command.name(), (running, all) -> running.stop(clock.instant()));
    }
}
