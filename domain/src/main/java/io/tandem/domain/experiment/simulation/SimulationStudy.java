package io.tandem.domain.experiment.simulation;

import io.tandem.domain.InvalidFieldException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Many seeded simulated experiments: {@code runsPerScenario} runs of each scenario, each with its own seed drawn
 * from the study's seed, summarised per scenario. What {@code tandem bench experiment} is to run.
 */
public final class SimulationStudy {

    private final SimulationParameters parameters;
    private final int runsPerScenario;
    private final long seed;

    public SimulationStudy(SimulationParameters parameters, int runsPerScenario, long seed) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (runsPerScenario < 1) {
            throw new InvalidFieldException("runs", "must be 1 or more");
        }
        this.runsPerScenario = runsPerScenario;
        this.seed = seed;
    }

    public SimulationSummary run(SimulationProgress progress) {
        Objects.requireNonNull(progress, "progress");
        ExperimentSimulation simulation = new ExperimentSimulation(parameters);
        SplittableRandom seeds = new SplittableRandom(seed);
        int total = runsPerScenario * Scenario.values().length;
        int done = 0;
        List<ScenarioSummary> scenarios = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            List<SimulationRun> runs = new ArrayList<>(runsPerScenario);
            for (int r = 0; r < runsPerScenario; r++) {
                SimulationRun run = simulation.run(scenario, seeds.nextLong());
                runs.add(run);
                progress.runFinished(++done, total, run);
            }
            scenarios.add(ScenarioSummary.of(scenario, runs));
        }
        return new SimulationSummary(parameters, runsPerScenario, seed, scenarios);
    }
}
