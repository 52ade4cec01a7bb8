package io.tandem.application.experiment.port.in;

import java.util.Optional;

/**
 * Rebuilds an experiment's online metrics from the lake (ADR-0026): its served lists and the follow-up events that
 * quote their request ids, replayed through the same attribution arithmetic as live, replacing its stored cells.
 * An experiment that never started is an {@link io.tandem.domain.experiment.ExperimentConflictException} naming
 * {@code status}.
 *
 * @return what was rebuilt, or empty when there is no experiment of that name
 */
@FunctionalInterface
public interface RecomputeOnlineMetricsUseCase {

    Optional<RecomputedMetrics> recompute(RecomputeOnlineMetricsCommand command);
}
