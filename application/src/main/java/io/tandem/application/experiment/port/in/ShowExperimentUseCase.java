package io.tandem.application.experiment.port.in;

import java.util.Optional;

/**
 * One experiment with its read-out: each group's online metrics with intervals, per day and in total, the
 * sample-ratio check, and each challenger's sequential decision against the control. Reading a running experiment
 * is a look: it advances each challenger's always-valid test (ADR-0025).
 *
 * @return empty when there is no experiment of that name
 */
@FunctionalInterface
public interface ShowExperimentUseCase {

    Optional<ExperimentReport> show(ShowExperimentQuery query);
}
