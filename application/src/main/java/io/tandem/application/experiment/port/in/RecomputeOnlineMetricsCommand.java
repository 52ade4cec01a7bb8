package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.ExperimentNames;

/** Which experiment's online metrics to rebuild from the lake. */
public record RecomputeOnlineMetricsCommand(String name) {

    public RecomputeOnlineMetricsCommand {
        name = ExperimentNames.canonical("name", name);
    }
}
