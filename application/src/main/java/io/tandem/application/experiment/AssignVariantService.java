package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.AssignVariantQuery;
import io.tandem.application.experiment.port.in.AssignVariantUseCase;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.RunningExperiments;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Assigns users to the variants of the running experiments, read from the store at most once per
 * {@code refreshEvery}: an experiment started or stopped on any instance reaches this one within that time, and a
 * request never waits for the store in between. The assignment itself is a hash (ADR-0024), so every instance
 * gives the same user the same variant of the same experiment.
 */
public final class AssignVariantService implements AssignVariantUseCase {

    private final ListExperimentsPort experiments;
    private final Clock clock;
    private final long refreshMillis;
    private volatile Snapshot snapshot;

    /** The running experiments as read at {@code readAt} (milliseconds of the clock). */
    private record Snapshot(RunningExperiments running, long readAt) {
    }

    public AssignVariantService(ListExperimentsPort experiments, Clock clock, Duration refreshEvery) {
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshEvery.isNegative()) {
            throw new IllegalArgumentException("refreshEvery must not be negative");
        }
        this.refreshMillis = refreshEvery.toMillis();
    }

    @Override
    public Optional<Assignment> assign(AssignVariantQuery query) {
        return running().forRequest(query.surface()).map(experiment -> experiment.assign(query.user()));
    }

    private RunningExperiments running() {
        long now = clock.millis();
        Snapshot current = snapshot;
        if (current == null || now - current.readAt() >= refreshMillis) {
            current = new Snapshot(new RunningExperiments(experiments.listExperiments().stream()
                    .filter(experiment -> experiment.status() == ExperimentStatus.RUNNING).toList()), now);
            snapshot = current;
        }
        return current.running();
    }
}
