package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ModelNames;

/** Which version to make champion of its model. */
public record PromoteModelVersionCommand(String name, String version) {

    public PromoteModelVersionCommand {
        name = ModelNames.require("name", name);
        version = ModelNames.require("version", version);
    }
}
