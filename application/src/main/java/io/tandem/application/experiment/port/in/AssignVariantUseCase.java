package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Assignment;

import java.util.Optional;

/**
 * Where a request's user lands in the experiment running on the request's surface: a variant, or the holdout. The
 * same user gets the same answer on every instance, since the assignment is a hash of the experiment's salt and the
 * user (ADR-0024), not a stored choice.
 *
 * @return empty when no running experiment covers the surface
 */
@FunctionalInterface
public interface AssignVariantUseCase {

    Optional<Assignment> assign(AssignVariantQuery query);
}
