package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.StartExperimentCommand;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.domain.experiment.Experiment;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts drafts. The overlap rule (ADR-0024) is checked against every stored experiment inside the store's one
 * atomic change, so two instances starting overlapping experiments at the same moment cannot both succeed.
 */
public final class StartExperimentService implements StartExperimentUseCase {

    private final ChangeExperimentPort change;
    private final Clock clock;

    public StartExperimentService(ChangeExperimentPort change, Clock clock) {
        this.change = Objects.requireNonNull(change, "change");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Experiment> start(StartExperimentCommand command) {
        return change.changeExperiment(command.name(), (draft, all) -> draft.start(clock.instant(), all));
    }
}
