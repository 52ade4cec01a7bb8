package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.ExperimentNames;

/**
 * The draft experiment to start running now, by its exact name, refused under {@code name}
 * unless in the accepted form (ADR-0024).
 */
public record StartExperimentCommand(String name) {

    public StartExperimentCommand {
        name = ExperimentNames.canonical("name", name);
    }
}
