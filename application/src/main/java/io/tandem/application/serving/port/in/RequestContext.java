package io.tandem.application.serving.port.in;

import io.tandem.domain.experiment.ExperimentNames;
import io.tandem.domain.recommendation.RequestIds;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a serving request comes from: the request id the caller chose (one is generated when none is given;
 * follow-up events quote it in {@code context.requestId}), and the surface the answer is shown on, which decides the
 * experiment that applies (ADR-0024; none given: only an experiment covering every surface), and when the request
 * arrived ({@link System#nanoTime()} on its arrival, where the caller knows it): a request that waited longer than
 * {@code tandem.serving.max-queue-wait} for a worker is answered by the rules (ADR-0039).
 */
public record RequestContext(Optional<String> requestId, Optional<String> surface, OptionalLong receivedNanos) {

    public static final RequestContext NONE = new RequestContext(Optional.empty(), Optional.empty());

    public RequestContext {
        Objects.requireNonNull(requestId, "requestId").ifPresent(id -> RequestIds.require("requestId", id));
        surface = Objects.requireNonNull(surface, "surface").map(s -> ExperimentNames.canonical("surface", s));
        Objects.requireNonNull(receivedNanos, "receivedNanos");
    }

    /** A context whose arrival is not known: it never counts as having waited. */
    public RequestContext(Optional<String> requestId, Optional<String> surface) {
        this(requestId, surface, OptionalLong.empty());
    }
}
