package io.tandem.application.experiment;

import io.tandem.application.experiment.port.out.AddOnlineMetricsPort;
import io.tandem.application.experiment.port.out.AttributionState;
import io.tandem.application.experiment.port.out.ForgetAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadMetricGenerationsPort;
import io.tandem.application.experiment.port.out.MetricGenerations;
import io.tandem.application.experiment.port.out.RebuildOnlineMetricsPort;
import io.tandem.application.experiment.port.out.RequestChange;
import io.tandem.domain.experiment.attribution.CellIncrement;
import io.tandem.domain.experiment.attribution.CellSums;
import io.tandem.domain.interaction.Event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The writing side of a metric store for tests outside the adapters: one generation (a rebuild starts it afresh),
 * sums kept as the stores keep them, and every changed cell's figures published into an {@link ExperimentStoreFake},
 * whose {@code loadOnlineMetrics} the read-out uses.
 */
public final class OnlineMetricsStoreFake implements AddOnlineMetricsPort, LoadAttributionStatesPort,
        LoadMetricGenerationsPort, RebuildOnlineMetricsPort, ForgetAttributionStatesPort {

    private final ExperimentStoreFake published;
    private final Map<String, AttributionState> states = new HashMap<>();
    private final Map<List<Object>, CellSums> cells = new HashMap<>();
    private final Map<List<Object>, double[]> users = new HashMap<>();
    private final Set<List<Object>> items = new HashSet<>();

    public OnlineMetricsStoreFake(ExperimentStoreFake published) {
        this.published = published;
    }

    /** The ports of this fake, read through {@code published}. */
    public OnlineMetricsStore ports() {
        return new OnlineMetricsStore(published, this, this, this, this, this);
    }

    @Override
    public synchronized boolean addOnlineMetrics(List<RequestChange> changes) {
        for (RequestChange change : changes) {
            AttributionState state = states.get(change.requestId());
            if ((state == null ? 0 : state.version()) != change.expectedVersion()) {
                return false;
            }
        }
        for (RequestChange change : changes) {
            AttributionState state = states.get(change.requestId());
            List<Event> followUps = new ArrayList<>(state == null ? List.of() : state.followUps());
            followUps.addAll(change.added());
            states.put(change.requestId(), new AttributionState(change.experiment(), 0, change.requestId(),
                    change.expectedVersion() + 1, followUps));
            change.increment().ifPresent(this::add);
        }
        return true;
    }

    private void add(CellIncrement increment) {
        String experiment = increment.list().experiment();
        String variant = increment.list().variant();
        for (Optional<LocalDate> day : increment.cells()) {
            List<Object> cell = List.of(experiment, variant, day);
            double[] totals = users.get(List.of(cell, increment.list().user()));
            boolean newUser = totals == null;
            if (newUser) {
                totals = new double[CellSums.USER_COLUMNS];
                users.put(List.of(cell, increment.list().user()), totals);
            }
            int newItems = (int) increment.list().items().stream().filter(item -> increment.served())
                    .filter(item -> items.add(List.of(cell, item.item()))).count();
            CellSums sums = cells.computeIfAbsent(cell, key -> new CellSums());
            sums.add(increment, newItems, newUser, totals);
            published.saveOnlineMetrics(List.of(sums.snapshot(experiment, variant, day)));
        }
    }

    @Override
    public synchronized List<AttributionState> loadAttributionStates(Set<String> requestIds) {
        return states.values().stream().filter(state -> requestIds.contains(state.requestId())).toList();
    }

    @Override
    public Map<String, MetricGenerations> loadMetricGenerations(Set<String> experiments) {
        Map<String, MetricGenerations> found = new HashMap<>();
        experiments.forEach(experiment -> found.put(experiment, MetricGenerations.FIRST));
        return found;
    }

    @Override
    public synchronized long beginRebuild(String experiment) {
        states.values().removeIf(state -> state.experiment().equals(experiment));
        cells.keySet().removeIf(key -> key.get(0).equals(experiment));
        users.keySet().removeIf(key -> ((List<?>) key.get(0)).get(0).equals(experiment));
        items.removeIf(key -> ((List<?>) key.get(0)).get(0).equals(experiment));
        published.clearOnlineMetrics(experiment);
        return 0;
    }

    @Override
    public boolean finishRebuild(String experiment, long generation) {
        return true;
    }

    @Override
    public int forgetAttributionStates(Instant now) {
        return 0;
    }
}
