package io.tandem.application.experiment;

import io.tandem.application.experiment.port.out.AddOnlineMetricsPort;
import io.tandem.application.experiment.port.out.AttributionState;
import io.tandem.application.experiment.port.out.LoadAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadMetricGenerationsPort;
import io.tandem.application.experiment.port.out.MetricGenerations;
import io.tandem.application.experiment.port.out.RequestChange;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.attribution.AttributionOutcome;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.FollowUpStep;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes requests' follow-ups into the metric store as increments (ADR-0026, amended), for live attribution and for
 * a rebuild alike: loads each request's stored state in every generation to be written, computes each step with
 * {@link FollowUpStep}, and hands the changes to the store in one atomic call, which refuses them when another
 * writer changed one of the requests first; then it reloads and tries again. A generation a request has no state in
 * yet starts from the newest older state's follow-ups (a rebuild keeps what live attribution counted, and live
 * attribution what the rebuild read), counting the list there once.
 */
final class AttributionWriter {

    /** Attempts before the batch fails and is delivered again; each retry follows another writer's success. */
    static final int ATTEMPTS = 8;

    private final AttributionPolicy policy;
    private final LoadAttributionStatesPort states;
    private final LoadMetricGenerationsPort generations;
    private final AddOnlineMetricsPort metrics;
    private final Duration keep;

    AttributionWriter(AttributionPolicy policy, LoadAttributionStatesPort states,
                      LoadMetricGenerationsPort generations, AddOnlineMetricsPort metrics, Duration keep) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.states = Objects.requireNonNull(states, "states");
        this.generations = Objects.requireNonNull(generations, "generations");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    /**
     * Applies {@code events} (by request id) to the requests of {@code lists}, in the generations every writer
     * writes now, or only in {@code only} (a rebuild). A list without events is counted too when
     * {@code countUnfollowed} (a rebuild counts every list). Returns how the events were attributed.
     */
    Map<AttributionOutcome, Long> write(Map<String, ServedList> lists, Map<String, List<Event>> events,
                                        OptionalLong only, boolean countUnfollowed) {
        Set<String> requests = lists.keySet().stream()
                .filter(id -> countUnfollowed || !events.getOrDefault(id, List.of()).isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (requests.isEmpty()) {
            return Map.of();
        }
        Set<String> experiments = requests.stream().map(id -> lists.get(id).experiment()).collect(Collectors.toSet());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, MetricGenerations> written = generations.loadMetricGenerations(experiments);
            if (only.isPresent() && experiments.stream().anyMatch(experiment -> !written
                    .getOrDefault(experiment, MetricGenerations.FIRST).written().contains(only.getAsLong()))) {
                throw new ExperimentConflictException("name", "another recompute of " + experiments + " began "
                        + "before this one finished; its figures are the ones kept");
            }
            Map<String, TreeMap<Long, AttributionState>> stored = byRequest(states.loadAttributionStates(requests));
            Map<AttributionOutcome, Long> outcomes = new EnumMap<>(AttributionOutcome.class);
            List<RequestChange> changes = new ArrayList<>();
            for (String requestId : requests) {
                ServedList list = lists.get(requestId);
                List<Long> targets = only.isPresent() ? List.of(only.getAsLong())
                        : written.getOrDefault(list.experiment(), MetricGenerations.FIRST).written();
                TreeMap<Long, AttributionState> own = stored.getOrDefault(requestId, new TreeMap<>());
                for (int t = 0; t < targets.size(); t++) {
                    long generation = targets.get(t);
                    AttributionState state = own.get(generation);
                    Map.Entry<Long, AttributionState> older = own.lowerEntry(generation);
                    List<Event> known = state != null ? state.followUps()
                            : older == null ? List.of() : older.getValue().followUps();
                    FollowUpStep step = FollowUpStep.of(policy, list, state != null, known,
                            events.getOrDefault(requestId, List.of()));
                    if (t == 0) {
                        step.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
                    }
                    if (step.increment().isPresent() || !step.accepted().isEmpty()) {
                        changes.add(new RequestChange(list.experiment(), generation, requestId,
                                state == null ? 0 : state.version(), step.accepted(),
                                list.servedAt().plus(keep), step.increment()));
                    }
                }
            }
            if (changes.isEmpty() || metrics.addOnlineMetrics(changes)) {
                return outcomes;
            }
        }
        throw new IllegalStateException("online metrics of " + experiments + " changed under " + ATTEMPTS
                + " attempts in a row; the events are delivered again");
    }

    private static Map<String, TreeMap<Long, AttributionState>> byRequest(List<AttributionState> loaded) {
        Map<String, TreeMap<Long, AttributionState>> byRequest = new HashMap<>();
        for (AttributionState state : loaded) {
            byRequest.computeIfAbsent(state.requestId(), id -> new TreeMap<>()).put(state.generation(), state);
        }
        return byRequest;
    }
}
