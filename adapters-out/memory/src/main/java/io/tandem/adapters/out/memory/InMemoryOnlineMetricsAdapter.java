package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.LoadSequentialTestsPort;
import io.tandem.application.experiment.port.out.SaveOnlineMetricsPort;
import io.tandem.application.experiment.port.out.SaveSequentialTestPort;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.SequentialTest;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The online metrics of experiments and their sequential tests in maps, lost on exit like every memory adapter. */
public final class InMemoryOnlineMetricsAdapter implements LoadOnlineMetricsPort, SaveOnlineMetricsPort,
        LoadSequentialTestsPort, SaveSequentialTestPort {

    private static final Comparator<OnlineMetrics> READ_ORDER = Comparator.comparing(OnlineMetrics::variant)
            .thenComparing(cell -> cell.day().orElse(LocalDate.MIN));

    /** One cell of one experiment: a group over one day, or over the whole experiment. */
    private record CellKey(String experiment, String variant, Optional<LocalDate> day) {
    }

    private record TestKey(String experiment, String challenger) {
    }

    private final ConcurrentMap<CellKey, OnlineMetrics> cells = new ConcurrentHashMap<>();
    private final ConcurrentMap<TestKey, SequentialTest> tests = new ConcurrentHashMap<>();

    @Override
    public List<OnlineMetrics> loadOnlineMetrics(String experiment) {
        return cells.values().stream().filter(cell -> cell.experiment().equals(experiment)).sorted(READ_ORDER)
                .toList();
    }

    @Override
    public void saveOnlineMetrics(List<OnlineMetrics> saved) {
        saved.forEach(cell -> cells.put(new CellKey(cell.experiment(), cell.variant(), cell.day()), cell));
    }

    @Override
    public Map<String, SequentialTest> loadSequentialTests(String experiment) {
        Map<String, SequentialTest> found = new HashMap<>();
        tests.forEach((key, test) -> {
            if (key.experiment().equals(experiment)) {
                found.put(key.challenger(), test);
            }
        });
        return Map.copyOf(found);
    }

    @Override
    public void saveSequentialTest(String experiment, String challenger, SequentialTest test) {
        tests.put(new TestKey(experiment, challenger), test);
    }
}
