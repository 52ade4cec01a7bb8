package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.ExperimentNames;

/**
 * The experiment to show with its read-out, by its exact name, refused under {@code name}
 * unless in the accepted form (ADR-0024).
 */
public record ShowExperimentQuery(String name) {

    public ShowExperimentQuery {
        name = ExperimentNames.canonical("name", name);
    }
}
