package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsCommand;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsUseCase;
import io.tandem.application.experiment.port.in.RecomputedMetrics;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.RebuildOnlineMetricsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.attribution.AttributionOutcome;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rebuilds an experiment's online metrics from the lake (ADR-0026, amended): reads its served lists from the day it
 * started to the day it stopped (or today) and every event of those days and of the attribution window after them
 * (from the day before the start, for clients whose clocks run behind) that quotes one of them, and writes them
 * into a fresh generation of the experiment's cells, which live attribution writes beside the current one while
 * the rebuild runs. Each request starts from what live attribution stored for it, so an event counted live but not
 * yet in the lake is kept, and one in both counts once. When every list is written the fresh generation replaces the
 * current one in one step. Every list counts, followed up or not. The experiment's lists and their follow-ups are
 * held in memory while they are written.
 */
public final class RecomputeOnlineMetricsService implements RecomputeOnlineMetricsUseCase {

    private static final int REQUESTS_PER_WRITE = 500;

    private final AttributionPolicy policy;
    private final LoadExperimentPort experiments;
    private final ReadServedListsLakePort servedLists;
    private final ReadLakePort events;
    private final AttributionWriter writer;
    private final RebuildOnlineMetricsPort rebuild;
    private final LoadOnlineMetricsPort cells;
    private final Clock clock;

    public RecomputeOnlineMetricsService(AttributionPolicy policy, LoadExperimentPort experiments,
                                         ReadServedListsLakePort servedLists, ReadLakePort events,
                                         OnlineMetricsStore store, Duration keep, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.servedLists = Objects.requireNonNull(servedLists, "servedLists");
        this.events = Objects.requireNonNull(events, "events");
        this.writer = new AttributionWriter(policy, store.states(), store.generations(), store.add(), keep);
        this.rebuild = store.rebuild();
        this.cells = store.load();
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

        Map<String, ServedList> lists = new LinkedHashMap<>();
        servedLists.readServedLists(from, servedTo, list -> {
            if (list.experiment().equals(experiment.name())) {
                lists.putIfAbsent(list.requestId(), list);
            }
        });
        Map<String, List<Event>> followUps = new HashMap<>();
        events.readEvents(from.minusDays(1), eventsTo, event -> event.context().requestId()
                .filter(lists::containsKey)
                .ifPresent(requestId -> followUps.computeIfAbsent(requestId, id -> new ArrayList<>()).add(event)));

        long generation = rebuild.beginRebuild(experiment.name());
        long attributed = 0;
        List<String> requestIds = new ArrayList<>(lists.keySet());
        for (int start = 0; start < requestIds.size(); start += REQUESTS_PER_WRITE) {
            Map<String, ServedList> chunk = new LinkedHashMap<>();
            requestIds.subList(start, Math.min(requestIds.size(), start + REQUESTS_PER_WRITE))
                    .forEach(requestId -> chunk.put(requestId, lists.get(requestId)));
            Map<AttributionOutcome, Long> outcomes = writer.write(chunk, followUps, OptionalLong.of(generation), true);
            attributed += outcomes.getOrDefault(AttributionOutcome.POSITION, 0L)
                    + outcomes.getOrDefault(AttributionOutcome.REQUEST, 0L);
        }
        if (!rebuild.finishRebuild(experiment.name(), generation)) {
            throw new ExperimentConflictException("name", "another recompute of experiment '" + experiment.name()
                    + "' began before this one finished; its figures are the ones kept");
        }
        return Optional.of(new RecomputedMetrics(experiment.name(), from, servedTo, eventsTo, lists.size(),
                attributed, cells.loadOnlineMetrics(experiment.name())));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
