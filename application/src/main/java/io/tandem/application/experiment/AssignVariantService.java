package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.AssignVariantQuery;
import io.tandem.application.experiment.port.in.AssignVariantUseCase;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.RunningExperiments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assigns users to the variants of the running experiments, read from the store at most once per
 * {@code refreshEvery}: an experiment started or stopped on any instance reaches this one within that time, and a
 * request never waits for the store in between. The assignment itself is a hash (ADR-0024), so every instance
 * gives the same user the same variant of the same experiment.
 *
 * <p>Two running experiments on one surface cannot be started (ADR-0024), but a store written by hand or an
 * older race could still hold them: the one started first keeps serving, the younger one is ignored here and a
 * warning is logged once for it. A request never fails for it.
 */
public final class AssignVariantService implements AssignVariantUseCase {

    private final ListExperimentsPort experiments;
    private final Clock clock;
    private final long refreshMillis;
    private final Set<String> warnedAbout = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot;

    private static final System.Logger LOG = System.getLogger(AssignVariantService.class.getName());

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
            RunningExperiments running;
            try {
                running = new RunningExperiments(withoutOverlaps(experiments.listExperiments().stream()
                        .filter(experiment -> experiment.status() == ExperimentStatus.RUNNING).toList()));
            } catch (RuntimeException e) {
                // The store is away: keep what was read last (nothing before the first read) until the next
                // refresh, so requests neither wait for the store nor hammer it.
                running = current == null ? RunningExperiments.NONE : current.running();
                LOG.log(System.Logger.Level.WARNING, "running experiments could not be read; serving with the "
                        + "last ones read until the next refresh: " + e.getMessage());
            }
            current = new Snapshot(running, now);
            snapshot = current;
        }
        return current.running();
    }

    /** The running experiments, oldest first, without any that shares a surface with an older one. */
    private List<Experiment> withoutOverlaps(List<Experiment> running) {
        List<Experiment> oldestFirst = new ArrayList<>(running);
        oldestFirst.sort(Comparator.comparing((Experiment experiment) -> experiment.startedAt().orElse(Instant.MIN))
                .thenComparing(Experiment::name));
        List<Experiment> kept = new ArrayList<>();
        for (Experiment experiment : oldestFirst) {
            Optional<Experiment> older = kept.stream().filter(k -> k.sharesSurfaceWith(experiment)).findFirst();
            if (older.isEmpty()) {
                kept.add(experiment);
            } else if (warnedAbout.add(experiment.name())) {
                LOG.log(System.Logger.Level.WARNING, "experiments ''{0}'' and ''{1}'' both run on one surface: "
                        + "''{0}'', started first, is served and ''{1}'' is not; stop one of them",
                        older.get().name(), experiment.name());
            }
        }
        return kept;
    }
}
