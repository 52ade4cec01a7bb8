package io.tandem.application.experiment.port.in;

import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.ExperimentNames;

import java.util.Objects;
import java.util.Optional;

/**
 * A request's user and the surface it comes from (none: only an experiment covering every surface applies).
 */
public record AssignVariantQuery(UserId user, Optional<String> surface) {

    public AssignVariantQuery {
        Objects.requireNonNull(user, "user");
        surface = Objects.requireNonNull(surface, "surface").map(s -> ExperimentNames.canonical("surface", s));
    }
}
