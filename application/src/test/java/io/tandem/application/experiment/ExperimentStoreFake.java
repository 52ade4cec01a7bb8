package io.tandem.application.experiment;

import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.LoadSequentialTestsPort;
import io.tandem.application.experiment.port.out.SaveExperimentPort;
import io.tandem.application.experiment.port.out.SaveSequentialTestPort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentRegister;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.SequentialTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every experiment port in memory, for service and command-line tests: the experiments in an
 * {@link ExperimentRegister} as the in-memory store keeps them, the metrics and sequential tests in maps. One lock
 * makes each call atomic, as the store contract asks. It counts the sequential tests saved, so tests can see which
 * reads were looks.
 */
public final class ExperimentStoreFake implements SaveExperimentPort, LoadExperimentPort, ListExperimentsPort,
        ChangeExperimentPort, LoadOnlineMetricsPort, LoadSequentialTestsPort,
        SaveSequentialTestPort {

    private final ExperimentRegister experiments = new ExperimentRegister();
    private final Map<String, Map<String, OnlineMetrics>> cells = new LinkedHashMap<>();
    private final Map<String, Map<String, SequentialTest>> tests = new LinkedHashMap<>();
    private int testsSaved;

    @Override
    public synchronized boolean saveExperiment(Experiment experiment) {
        return experiments.add(experiment);
    }

    @Override
    public synchronized Optional<Experiment> loadExperiment(String name) {
        return experiments.find(name);
    }

    @Override
    public synchronized List<Experiment> listExperiments() {
        return experiments.all();
    }

    @Override
    public synchronized Optional<Experiment> changeExperiment(
            String name, BiFunction<Experiment, List<Experiment>, Experiment> change) {
        return experiments.change(name, change);
    }

    @Override
    public synchronized List<OnlineMetrics> loadOnlineMetrics(String experiment) {
        return cells.getOrDefault(experiment, Map.of()).values().stream()
                .sorted(Comparator.comparing(OnlineMetrics::variant)
                        .thenComparing(cell -> cell.day().orElse(LocalDate.MIN)))
                .toList();
    }

    /** Drops the cells of {@code experiment}. */
    public synchronized void clearOnlineMetrics(String experiment) {
        cells.remove(experiment);
    }

    /** Stores these cells as they are, replacing the ones of the same group and day (the read-out's input). */
    public synchronized void saveOnlineMetrics(List<OnlineMetrics> saved) {
        saved.forEach(cell -> cells.computeIfAbsent(cell.experiment(), key -> new LinkedHashMap<>())
                .put(cell.variant() + "/" + cell.day().map(LocalDate::toString).orElse("total"), cell));
    }

    @Override
    public synchronized Map<String, SequentialTest> loadSequentialTests(String experiment) {
        return Map.copyOf(tests.getOrDefault(experiment, Map.of()));
    }

    @Override
    public synchronized void saveSequentialTest(String experiment, String challenger, SequentialTest test) {
        tests.computeIfAbsent(experiment, key -> new LinkedHashMap<>()).put(challenger, test);
        testsSaved++;
    }

    /** How many sequential tests were saved so far. */
    public synchronized int testsSaved() {
        return testsSaved;
    }

    /** The experiments, in the order saved. */
    public synchronized List<Experiment> experiments() {
        return new ArrayList<>(experiments.all());
    }
}
