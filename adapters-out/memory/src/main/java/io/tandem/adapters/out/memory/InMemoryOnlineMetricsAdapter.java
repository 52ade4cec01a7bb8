package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.AddOnlineMetricsPort;
import io.tandem.application.experiment.port.out.AttributionState;
import io.tandem.application.experiment.port.out.ForgetAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadMetricGenerationsPort;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.LoadSequentialTestsPort;
import io.tandem.application.experiment.port.out.MetricGenerations;
import io.tandem.application.experiment.port.out.RebuildOnlineMetricsPort;
import io.tandem.application.experiment.port.out.RequestChange;
import io.tandem.application.experiment.port.out.SaveSequentialTestPort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.CellIncrement;
import io.tandem.domain.experiment.attribution.CellSums;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.interaction.Event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The online metrics of experiments, their attribution states and sequential tests in maps, lost on exit like every
 * memory adapter. Every change is made under this adapter's lock, so a call's changes are added all or none.
 */
public final class InMemoryOnlineMetricsAdapter implements LoadOnlineMetricsPort, AddOnlineMetricsPort,
        LoadAttributionStatesPort, LoadMetricGenerationsPort, RebuildOnlineMetricsPort, ForgetAttributionStatesPort,
        LoadSequentialTestsPort, SaveSequentialTestPort {

    private static final Comparator<OnlineMetrics> READ_ORDER = Comparator.comparing(OnlineMetrics::variant)
            .thenComparing(cell -> cell.day().orElse(LocalDate.MIN));

    /** One cell of one generation: a group over one day, or over the whole experiment. */
    private record CellKey(String experiment, long generation, String variant, Optional<LocalDate> day) {
    }

    private record StateKey(String experiment, long generation, String requestId) {
    }

    private record Stored(AttributionState state, Instant expiresAt) {
    }

    private final Map<String, MetricGenerations> generations = new HashMap<>();
    private final Map<StateKey, Stored> states = new HashMap<>();
    private final Map<CellKey, CellSums> cells = new HashMap<>();
    private final Map<CellKey, Map<UserId, double[]>> users = new HashMap<>();
    private final Map<CellKey, Set<ItemId>> items = new HashMap<>();
    private final Map<String, Map<String, SequentialTest>> tests = new HashMap<>();

    @Override
    public synchronized List<OnlineMetrics> loadOnlineMetrics(String experiment) {
        long current = generationsOf(experiment).current();
        List<OnlineMetrics> read = new ArrayList<>();
        cells.forEach((key, cell) -> {
            if (key.experiment().equals(experiment) && key.generation() == current) {
                read.add(cell.snapshot(experiment, key.variant(), key.day()));
            }
        });
        read.sort(READ_ORDER);
        return read;
    }

    @Override
    public synchronized Map<String, MetricGenerations> loadMetricGenerations(Set<String> experiments) {
        Map<String, MetricGenerations> found = new HashMap<>();
        experiments.forEach(experiment -> found.put(experiment, generationsOf(experiment)));
        return found;
    }

    @Override
    public synchronized List<AttributionState> loadAttributionStates(Set<String> requestIds) {
        return states.values().stream().map(Stored::state)
                .filter(state -> requestIds.contains(state.requestId())).toList();
    }

    @Override
    public synchronized boolean addOnlineMetrics(List<RequestChange> changes) {
        for (RequestChange change : changes) {
            Stored stored = states.get(stateKey(change));
            long version = stored == null ? 0 : stored.state().version();
            if (version != change.expectedVersion()
                    || !generationsOf(change.experiment()).written().contains(change.generation())) {
                return false;
            }
        }
        for (RequestChange change : changes) {
            Stored stored = states.get(stateKey(change));
            List<Event> followUps = new ArrayList<>(stored == null ? List.of() : stored.state().followUps());
            followUps.addAll(change.added());
            states.put(stateKey(change), new Stored(new AttributionState(change.experiment(), change.generation(),
                    change.requestId(), change.expectedVersion() + 1, followUps), change.expiresAt()));
            change.increment().ifPresent(increment -> add(change.generation(), increment));
        }
        return true;
    }

    private void add(long generation, CellIncrement increment) {
        for (Optional<LocalDate> day : increment.cells()) {
            CellKey key = new CellKey(increment.list().experiment(), generation, increment.list().variant(), day);
            Map<UserId, double[]> cellUsers = users.computeIfAbsent(key, k -> new HashMap<>());
            double[] totals = cellUsers.get(increment.list().user());
            boolean newUser = totals == null;
            if (newUser) {
                totals = new double[CellSums.USER_COLUMNS];
                cellUsers.put(increment.list().user(), totals);
            }
            int newItems = 0;
            if (increment.served()) {
                Set<ItemId> served = items.computeIfAbsent(key, k -> new HashSet<>());
                for (ServedItem item : increment.list().items()) {
                    newItems += served.add(item.item()) ? 1 : 0;
                }
            }
            cells.computeIfAbsent(key, k -> new CellSums()).add(increment, newItems, newUser, totals);
        }
    }

    @Override
    public synchronized long beginRebuild(String experiment) {
        MetricGenerations now = generationsOf(experiment);
        long building = Math.max(now.current(), now.building().orElse(now.current())) + 1;
        dropGenerations(experiment, generation -> generation > now.current());
        generations.put(experiment, new MetricGenerations(now.current(), OptionalLong.of(building)));
        return building;
    }

    @Override
    public synchronized boolean finishRebuild(String experiment, long generation) {
        MetricGenerations now = generationsOf(experiment);
        if (now.building().isEmpty() || now.building().getAsLong() != generation) {
            return false;
        }
        generations.put(experiment, new MetricGenerations(generation, OptionalLong.empty()));
        dropGenerations(experiment, older -> older < generation);
        return true;
    }

    @Override
    public synchronized int forgetAttributionStates(Instant now) {
        int before = states.size();
        states.values().removeIf(stored -> stored.expiresAt().isBefore(now));
        return before - states.size();
    }

    private void dropGenerations(String experiment, LongPredicate dropped) {
        states.keySet().removeIf(key -> key.experiment().equals(experiment) && dropped.test(key.generation()));
        for (Map<CellKey, ?> map : List.of(cells, users, items)) {
            map.keySet().removeIf(key -> key.experiment().equals(experiment) && dropped.test(key.generation()));
        }
    }

    private MetricGenerations generationsOf(String experiment) {
        return generations.getOrDefault(experiment, MetricGenerations.FIRST);
    }

    private static StateKey stateKey(RequestChange change) {
        return new StateKey(change.experiment(), change.generation(), change.requestId());
    }

    @Override
    public synchronized Map<String, SequentialTest> loadSequentialTests(String experiment) {
        return Map.copyOf(tests.getOrDefault(experiment, Map.of()));
    }

    @Override
    public synchronized void saveSequentialTest(String experiment, String challenger, SequentialTest test) {
        tests.computeIfAbsent(experiment, e -> new HashMap<>()).put(challenger, test);
    }
}
