package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ModelNames;

/** Which model's versions to list. */
public record ListModelVersionsQuery(String name) {

    public ListModelVersionsQuery {
        name = ModelNames.require("name", name);
    }
}
