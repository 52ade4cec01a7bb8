package io.tandem.application.serving.port.in;

import io.tandem.domain.experiment.ExperimentNames;
import io.tandem.domain.recommendation.RequestIds;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a serving request comes from: the request id the caller chose (one is generated when none is given;
 * follow-up events quote it in {@code context.requestId}), and the surface the answer is shown on, which decides the
 * experiment that applies (ADR-0024; none given: only an experiment covering every surface), and since when the
 * request waited behind busy workers ({@link System#nanoTime()}; empty when it did not, or the caller cannot tell):
 * one that waited longer than {@code tandem.serving.max-queue-wait} is answered by the rules (ADR-0039). A request
 * that only stalled with the whole process (a collector pause) did not wait behind busy workers.
 */
public record RequestContext(Optional<String> requestId, Optional<String> surface, OptionalLong queuedSinceNanos) {

    public static final RequestContext NONE = new RequestContext(Optional.empty(), Optional.empty());

    public RequestContext {
        Objects.requireNonNull(requestId, "requestId").ifPresent(id -> RequestIds.require("requestId", id));
        surface = Objects.requireNonNull(surface, "surface").map(s -> ExperimentNames.canonical("surface", s));
        Objects.requireNonNull(queuedSinceNanos, "queuedSinceNanos");
    }

    /** A context of a request that did not wait behind busy workers, or whose wait is not known. */
    public RequestContext(Optional<String> requestId, Optional<String> surface) {
        this(requestId, surface, OptionalLong.empty());
    }
}
