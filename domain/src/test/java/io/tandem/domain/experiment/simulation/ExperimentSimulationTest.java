package io.tandem.domain.experiment.simulation;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulation at a small size (500 users, 200 items, a strongly weakened policy, at most 4,000 requests per
 * method); the full-size figures come from {@code tandem bench experiment} (docs/benchmarks.md).
 */
class ExperimentSimulationTest {

    private static final SimulationParameters SMALL =
            SimulationParameters.standard().resized(500, 200, 4_000).weakenedBy(0.8, 0.012, 0.1);

    @Test
    void theWeakenedPolicyIsWorseAndTheSameSeedGivesTheSameRun() {
        SyntheticPopulation population = SyntheticPopulation.generate(SMALL, new SplittableRandom(1));
        assertThat(population.expectedClickThroughRate(true))
                .isGreaterThan(1.2 * population.expectedClickThroughRate(false));

        ExperimentSimulation simulation = new ExperimentSimulation(SMALL);
        SimulationRun run = simulation.run(Scenario.CHALLENGER_BETTER, 42);
        assertThat(simulation.run(Scenario.CHALLENGER_BETTER, 42)).isEqualTo(run);
        assertThat(run.challengerClickThroughRate()).isGreaterThan(run.championClickThroughRate());
    }

    /**
     * Six seeded runs of each scenario. At α = 0.05 no run may decide against the truth (an A/A run that decides
     * at all counts as wrong), both methods must pick the good policy in most runs with a difference, agree
     * whenever both decide, and interleaving must need fewer impressions than A/B.
     */
    @Test
    void bothMethodsPickTheGoodPolicyAndInterleavingNeedsFewerImpressions() {
        AtomicInteger reported = new AtomicInteger();
        SimulationSummary summary = new SimulationStudy(SMALL, 6, 2026)
                .run((done, total, run) -> reported.set(done));

        assertThat(reported.get()).isEqualTo(18);
        for (ScenarioSummary scenario : summary.scenarios()) {
            assertThat(scenario.abTest().wrongRate()).as("A/B errors in %s", scenario.scenario())
                    .isLessThanOrEqualTo(SMALL.alpha());
            assertThat(scenario.interleaving().wrongRate()).as("interleaving errors in %s", scenario.scenario())
                    .isLessThanOrEqualTo(SMALL.alpha());
            assertThat(scenario.agreements()).isEqualTo(scenario.bothDecided());
        }
        for (Scenario withDifference : new Scenario[] {Scenario.CHALLENGER_BETTER, Scenario.CHALLENGER_WORSE}) {
            ScenarioSummary scenario = summary.scenario(withDifference);
            assertThat(scenario.abTest().rightRate()).as("A/B power in %s", withDifference).isGreaterThanOrEqualTo(0.8);
            assertThat(scenario.interleaving().rightRate()).as("interleaving power").isGreaterThanOrEqualTo(0.8);
            assertThat(scenario.interleaving().medianImpressions()).as("impressions to decide %s", withDifference)
                    .isLessThan(scenario.abTest().medianImpressions());
        }
        assertThat(summary.scenario(Scenario.NO_DIFFERENCE).abTest().right()).isEqualTo(6);
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> SimulationParameters.standard().resized(0, 200, 100))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> SimulationParameters.standard().resized(10, 5, 100))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("items");
        assertThatThrownBy(() -> SimulationParameters.standard().weakenedBy(-1, 0.01, 0.1))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new SimulationStudy(SMALL, 0, 1)).isInstanceOf(InvalidFieldException.class);
    }
}
