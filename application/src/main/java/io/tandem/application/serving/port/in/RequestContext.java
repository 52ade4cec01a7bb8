package io.tandem.application.serving.port.in;

import io.tandem.domain.experiment.ExperimentNames;
import io.tandem.domain.recommendation.RequestIds;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a serving request comes from: the request id the caller chose (one is generated when none is given;
 * follow-up events quote it in {@code context.requestId}), and the surface the answer is shown on, which decides the
 * experiment that applies (ADR-0024; none given: only an experiment covering every surface).
 */
public record RequestContext(Optional<String> requestId, Optional<String> surface) {

    public static final RequestContext NONE = new RequestContext(Optional.empty(), Optional.empty());

    public RequestContext {
        Objects.requireNonNull(requestId, "requestId").ifPresent(id -> RequestIds.require("requestId", id));
        surface = Objects.requireNonNull(surface, "surface").map(s -> ExperimentNames.canonical("surface", s));
    }
}
