package io.tandem.application.serving.port.in;

import io.tandem.domain.model.ModelRef;

import java.util.Objects;
import java.util.Optional;

/**
 * Which version this instance serves, and why it does not serve the registry's champion when it could not load
 * it (the previous model keeps serving meanwhile).
 */
public record ServingModelStatus(Optional<ModelRef> serving, Optional<String> problem) {

    public ServingModelStatus {
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(problem, "problem");
    }
}
