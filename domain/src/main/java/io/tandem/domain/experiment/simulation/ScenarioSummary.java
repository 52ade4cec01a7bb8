package io.tandem.domain.experiment.simulation;

import java.util.List;
import java.util.Objects;

/**
 * The runs of one scenario: the true click-through rates (mean over the runs' populations), each method's
 * summary, and how often the two methods decided the same way.
 *
 * @param bothDecided runs in which both methods decided
 * @param agreements  runs in which both decided the same way
 */
public record ScenarioSummary(Scenario scenario, int runs, double meanChampionClickThroughRate,
                              double meanChallengerClickThroughRate, MethodSummary abTest,
                              MethodSummary interleaving, int bothDecided, int agreements) {

    public ScenarioSummary {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(abTest, "abTest");
        Objects.requireNonNull(interleaving, "interleaving");
    }

    static ScenarioSummary of(Scenario scenario, List<SimulationRun> runs) {
        double champion = runs.stream().mapToDouble(SimulationRun::championClickThroughRate).average().orElse(0);
        double challenger = runs.stream().mapToDouble(SimulationRun::challengerClickThroughRate).average().orElse(0);
        int bothDecided = (int) runs.stream().filter(r -> r.abTest().decided() && r.interleaving().decided()).count();
        int agreements = (int) runs.stream().filter(SimulationRun::methodsAgree).count();
        return new ScenarioSummary(scenario, runs.size(), champion, challenger,
                MethodSummary.of(scenario, runs, SimulationRun::abTest),
                MethodSummary.of(scenario, runs, SimulationRun::interleaving), bothDecided, agreements);
    }
}
