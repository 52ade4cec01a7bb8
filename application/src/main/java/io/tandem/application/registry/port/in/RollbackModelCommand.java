package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ModelNames;

/** Which model to roll back to its previous champion. */
public record RollbackModelCommand(String name) {

    public RollbackModelCommand {
        name = ModelNames.require("name", name);
    }
}
