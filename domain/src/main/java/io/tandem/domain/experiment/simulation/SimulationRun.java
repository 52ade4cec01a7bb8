package io.tandem.domain.experiment.simulation;

import java.util.Objects;

/**
 * One simulated experiment: the true click-through rates of the two sides (known from the population) and how
 * the A/B test and interleaving each ended.
 */
public record SimulationRun(Scenario scenario, long seed, double championClickThroughRate,
                            double challengerClickThroughRate, Decision abTest, Decision interleaving) {

    public SimulationRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(abTest, "abTest");
        Objects.requireNonNull(interleaving, "interleaving");
    }

    /** True when both methods decided and in the same direction. */
    public boolean methodsAgree() {
        return abTest.decided() && interleaving.decided() && abTest.verdict() == interleaving.verdict();
    }
}
