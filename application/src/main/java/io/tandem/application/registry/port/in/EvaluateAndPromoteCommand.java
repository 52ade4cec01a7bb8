package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ModelNames;

/** Which registered version challenges its model's champion. */
public record EvaluateAndPromoteCommand(String name, String version) {

    public EvaluateAndPromoteCommand {
        name = ModelNames.require("name", name);
        version = ModelNames.require("version", version);
    }
}
