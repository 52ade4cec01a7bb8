package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.SaveExperimentPort;
import io.tandem.domain.experiment.Experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An experiment store in a map, for tests and for an instance whose experiments need not outlive it. One lock over
 * every call makes each change one step, which is all the overlap rule needs within one process.
 */
public final class InMemoryExperimentsAdapter implements SaveExperimentPort, LoadExperimentPort, ListExperimentsPort,
        ChangeExperimentPort {

    /** By name, in the order of creation. */
    private final Map<String, Experiment> experiments = new LinkedHashMap<>();

    @Override
    public synchronized boolean saveExperiment(Experiment experiment) {
        return experiments.putIfAbsent(experiment.name(), experiment) == null;
    }

    @Override
    public synchronized Optional<Experiment> loadExperiment(String name) {
        return Optional.ofNullable(experiments.get(name));
    }

    @Override
    public synchronized List<Experiment> listExperiments() {
        return List.copyOf(experiments.values());
    }

    @Override
    public synchronized Optional<Experiment> changeExperiment(
            String name, BiFunction<Experiment, List<Experiment>, Experiment> change) {
        Experiment stored = experiments.get(name);
        if (stored == null) {
            return Optional.empty();
        }
        Experiment changed = change.apply(stored, List.copyOf(experiments.values()));
        if (!changed.name().equals(name)) {
            throw new IllegalArgumentException("a change must keep the experiment's name '" + name + "'");
        }
        experiments.put(name, changed);
        return Optional.of(changed);
    }
}
