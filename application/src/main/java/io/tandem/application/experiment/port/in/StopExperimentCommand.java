package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.ExperimentNames;

/**
 * The running experiment to stop now, by its exact name, refused under {@code name}
 * unless in the accepted form (ADR-0024).
 */
public record StopExperimentCommand(String name) {

    public StopExperimentCommand {
        name = ExperimentNames.canonical("name", name);
    }
}
