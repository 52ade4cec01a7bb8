package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.domain.experiment.Experiment;

import java.util.List;
import java.util.Objects;

/** Lists every experiment as the store holds it. */
public final class ListExperimentsService implements ListExperimentsUseCase {

    private final ListExperimentsPort experiments;

    public ListExperimentsService(ListExperimentsPort experiments) {
        this.experiments = Objects.requireNonNull(experiments, "experiments");
    }

    @Override
    public List<Experiment> list() {
        return experiments.listExperiments();
    }
}
