package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.ExperimentNames;

/**
 * The experiment to decide now, by its exact name, refused under {@code name} unless in the accepted form
 * (ADR-0024).
 */
public record DecideExperimentCommand(String name) {

    public DecideExperimentCommand {
        name = ExperimentNames.canonical("name", name);
    }
}
