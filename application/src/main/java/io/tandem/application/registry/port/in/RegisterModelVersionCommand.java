package io.tandem.application.registry.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;

import java.util.Objects;

/** A newly trained model version to add to the registry; it enters as a candidate. */
public record RegisterModelVersionCommand(ModelVersion version) {

    public RegisterModelVersionCommand {
        Objects.requireNonNull(version, "version");
        if (version.stage() != ModelStage.CANDIDATE) {
            throw new InvalidFieldException("stage", "a new version is registered as a candidate; promote it after");
        }
    }
}
