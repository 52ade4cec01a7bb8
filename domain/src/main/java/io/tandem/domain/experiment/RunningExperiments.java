package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The experiments running now, as serving sees them: which one (at most one, by the surface rule) applies to a
 * request on a given surface.
 */
public record RunningExperiments(List<Experiment> experiments) {

    public static final RunningExperiments NONE = new RunningExperiments(List.of());

    public RunningExperiments {
        experiments = List.copyOf(Objects.requireNonNull(experiments, "experiments"));
        for (int i = 0; i < experiments.size(); i++) {
            Experiment experiment = experiments.get(i);
            if (experiment.status() != ExperimentStatus.RUNNING) {
                throw new InvalidFieldException("experiments", "'" + experiment.name() + "' is not running");
            }
            for (int j = 0; j < i; j++) {
                if (experiments.get(j).sharesSurfaceWith(experiment)) {
                    throw new InvalidFieldException("experiments", "'" + experiments.get(j).name() + "' and '"
                            + experiment.name() + "' run on the same surface");
                }
            }
        }
    }

    /** The experiment that applies to a request on {@code surface} (none given: only an all-surface one). */
    public Optional<Experiment> forRequest(Optional<String> surface) {
        return experiments.stream().filter(experiment -> experiment.covers(surface)).findFirst();
    }
}
