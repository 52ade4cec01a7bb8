package io.tandem.application.experiment.port.in;

import io.tandem.domain.model.ModelNames;

/** Which model's experiment decisions to list. */
public record ListModelDecisionsQuery(String model) {

    public ListModelDecisionsQuery {
        model = ModelNames.require("name", model);
    }
}
