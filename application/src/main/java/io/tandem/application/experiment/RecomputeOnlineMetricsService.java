package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsCommand;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsUseCase;
import io.tandem.application.experiment.port.in.RecomputedMetrics;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.application.experiment.port.out.SaveOnlineMetricsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.attribution.AttributionOutcome;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.OnlineMetricsAggregate;
import io.tandem.domain.experiment.attribution.ServedList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds an experiment's online metrics from the lake (ADR-0026): reads its served lists from the day it started
 * to the day it stopped (or today), records them in a fresh {@link OnlineMetricsAggregate}, applies every event of
 * those days and of the attribution window after them (from the day before the start, for clients whose clocks run
 * behind), and saves every cell of the experiment, each replacing the stored one. Every list counts, followed up or
 * not. Lists and events are streamed; only the experiment's open requests are held in memory.
 */
public final class RecomputeOnlineMetricsService implements RecomputeOnlineMetricsUseCase {

    private final AttributionPolicy policy;
    private final LoadExperimentPort experiments;
    private final ReadServedListsLakePort servedLists;
    private final ReadLakePort events;
    private final SaveOnlineMetricsPort metrics;
    private final Clock clock;

    public RecomputeOnlineMetricsService(AttributionPolicy policy, LoadExperimentPort experiments,
                                         ReadServedListsLakePort servedLists, ReadLakePort events,
                                         SaveOnlineMetricsPort metrics, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.servedLists = Objects.requireNonNull(servedLists, "servedLists");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<RecomputedMetrics> recompute(RecomputeOnlineMetricsCommand command) {
        Optional<Experiment> found = experiments.loadExperiment(command.name());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Experiment experiment = found.get();
        Instant started = experiment.startedAt().orElseThrow(() -> new ExperimentConflictException("status",
                "experiment '" + experiment.name() + "' never started: there is nothing to recompute"));
        Instant now = clock.instant();
        Instant end = experiment.stoppedAt().orElse(now);
        LocalDate from = day(started);
        LocalDate servedTo = day(end);
        Instant lastFollowUp = end.plus(policy.window());
        LocalDate eventsTo = day(lastFollowUp.isAfter(now) ? now : lastFollowUp);
        if (eventsTo.isBefore(servedTo)) {
            eventsTo = servedTo;
        }

        OnlineMetricsAggregate aggregate = new OnlineMetricsAggregate(policy);
        long[] served = {0};
        servedLists.readServedLists(from, servedTo, list -> {
            if (list.experiment().equals(experiment.name()) && aggregate.record(list)) {
                served[0]++;
            }
        });
        events.readEvents(from.minusDays(1), eventsTo, event -> {
            if (event.context().requestId().flatMap(aggregate::openList).isPresent()) {
                aggregate.apply(event);
            }
        });

        List<OnlineMetrics> cells = new ArrayList<>(aggregate.totals(experiment.name()).values());
        cells.addAll(aggregate.daily());
        if (!cells.isEmpty()) {
            metrics.saveOnlineMetrics(cells);
        }
        long attributed = aggregate.outcomes().getOrDefault(AttributionOutcome.POSITION, 0L)
                + aggregate.outcomes().getOrDefault(AttributionOutcome.REQUEST, 0L);
        return Optional.of(new RecomputedMetrics(experiment.name(), from, servedTo, eventsTo, served[0], attributed,
                cells));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
