package io.tandem.domain.experiment.simulation;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One seeded simulated experiment: a fresh population, then an A/B test and an interleaving experiment between
 * its good and weak policies as {@code scenario} assigns them. The same seed gives the same run.
 */
public final class ExperimentSimulation {

    private final SimulationParameters parameters;

    public ExperimentSimulation(SimulationParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public SimulationRun run(Scenario scenario, long seed) {
        Objects.requireNonNull(scenario, "scenario");
        SplittableRandom random = new SplittableRandom(seed);
        SyntheticPopulation population = SyntheticPopulation.generate(parameters, random.split());
        Decision ab = SimulatedAbTest.run(parameters, scenario, population, random.split(), seed);
        Decision interleaving = SimulatedInterleaving.run(parameters, scenario, population, random.split());
        return new SimulationRun(scenario, seed, population.expectedClickThroughRate(scenario.championGood()),
                population.expectedClickThroughRate(scenario.challengerGood()), ab, interleaving);
    }
}
