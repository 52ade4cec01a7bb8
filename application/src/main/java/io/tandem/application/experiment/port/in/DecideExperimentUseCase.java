package io.tandem.application.experiment.port.in;

import java.util.Optional;

/**
 * Decides a running (or stopped) experiment from its read-out (ADR-0025): a challenger whose always-valid test
 * ships, whose guardrails hold and whose version passed the offline gate of the registry is promoted through the
 * registry; a win without the gate, a loss or a stop is recorded without promotion. Each decision is recorded once,
 * with its evidence, beside the challenger's version, and the experiment is stopped once every challenger pinning a
 * version is decided. Deciding again returns what is on record and changes nothing.
 *
 * @return empty when there is no experiment of that name
 * @throws io.tandem.domain.experiment.ExperimentConflictException naming {@code status} for a draft, or
 *                                                                 {@code variants} when no challenger pins a
 *                                                                 version (nothing could be promoted or recorded)
 */
@FunctionalInterface
public interface DecideExperimentUseCase {

    Optional<ExperimentDecisions> decide(DecideExperimentCommand command);
}
