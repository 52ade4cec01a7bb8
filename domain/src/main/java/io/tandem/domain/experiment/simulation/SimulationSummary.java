package io.tandem.domain.experiment.simulation;

import java.util.List;
import java.util.Objects;

/** The result of a simulation study: its settings and one summary per scenario. */
public record SimulationSummary(SimulationParameters parameters, int runsPerScenario, long seed,
                                List<ScenarioSummary> scenarios) {

    public SimulationSummary {
        Objects.requireNonNull(parameters, "parameters");
        scenarios = List.copyOf(scenarios);
    }

    public ScenarioSummary scenario(Scenario scenario) {
        return scenarios.stream().filter(summary -> summary.scenario() == scenario).findFirst().orElseThrow();
    }
}
