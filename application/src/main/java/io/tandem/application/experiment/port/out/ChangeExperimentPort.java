package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.Experiment;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Changes one stored experiment in a way that may depend on all the others, as one step: no other change of any
 * experiment can interleave between reading them and storing the result. That is what keeps two instances from
 * starting overlapping experiments at the same moment (ADR-0024).
 */
@FunctionalInterface
public interface ChangeExperimentPort {

    /**
     * Applies {@code change} to the experiment named {@code name}, given every stored experiment (that one
     * included), and stores what it returns under the same name.
     *
     * @return the stored result; empty, and {@code change} never called, when no experiment has that name. An
     *         exception thrown by {@code change} leaves everything as it was and reaches the caller.
     */
    Optional<Experiment> changeExperiment(String name, BiFunction<Experiment, List<Experiment>, Experiment> change);
}
