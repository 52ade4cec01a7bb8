package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ModelVersion;

/** Adds a trained model version to the registry as a candidate. */
@FunctionalInterface
public interface RegisterModelVersionUseCase {

    /**
     * @throws io.tandem.domain.model.ModelConflictException when the version exists or its kind differs from
     *                                                       the model's other versions
     * @throws io.tandem.domain.InvalidFieldException        naming {@code parent} when the parent is unknown
     */
    ModelVersion register(RegisterModelVersionCommand command);
}
