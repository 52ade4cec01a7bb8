package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.SaveExperimentPort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentRegister;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An experiment store in memory ({@link ExperimentRegister}), for tests and for an instance whose experiments need
 * not outlive it. One lock over every call makes each change one step, which is all the overlap rule needs within
 * one process.
 */
public final class InMemoryExperimentsAdapter implements SaveExperimentPort, LoadExperimentPort, ListExperimentsPort,
        ChangeExperimentPort {

    private final ExperimentRegister experiments = new ExperimentRegister();

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
}
