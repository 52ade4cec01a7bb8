package io.tandem.domain.experiment.simulation;

import java.util.Locale;

/**
 * Runs the full-size simulation study by hand until {@code tandem bench experiment} drives it, printing progress
 * and then the table of docs/benchmarks.md:
 * <pre>
 * mvn -B -o -q -pl domain test-compile
 * java -cp domain/target/classes:domain/target/test-classes \
 *     io.tandem.domain.experiment.simulation.ExperimentSimulationBenchmark 100 2026
 * </pre>
 * The arguments are the runs per scenario (default 100) and the study's seed (default 2026).
 */
public final class ExperimentSimulationBenchmark {

    private ExperimentSimulationBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        SimulationParameters parameters = SimulationParameters.standard();
        long started = System.nanoTime();
        SimulationSummary summary = new SimulationStudy(parameters, runs, seed).run((done, total, run) ->
                System.out.printf(Locale.ROOT, "[%d/%d] %-17s A/B %-12s %9d impressions | interleaving %-12s %9d"
                        + " impressions | %.0f s%n", done, total, run.scenario(), run.abTest().verdict(),
                        run.abTest().impressions(), run.interleaving().verdict(), run.interleaving().impressions(),
                        (System.nanoTime() - started) / 1e9));
        System.out.println();
        System.out.println(parameters);
        System.out.printf(Locale.ROOT, "%d runs per scenario, seed %d%n%n", runs, seed);
        System.out.println("| Scenario | True CTR champion → challenger | Method | Right | Wrong | Undecided "
                + "| Median impressions to decide | p90 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (ScenarioSummary scenario : summary.scenarios()) {
            row(scenario, "A/B", scenario.abTest());
            row(scenario, "interleaving", scenario.interleaving());
        }
        System.out.println();
        for (ScenarioSummary scenario : summary.scenarios()) {
            System.out.printf(Locale.ROOT, "%s: both decided in %d runs, agreed in %d%n", scenario.scenario(),
                    scenario.bothDecided(), scenario.agreements());
        }
    }

    private static void row(ScenarioSummary scenario, String method, MethodSummary summary) {
        System.out.printf(Locale.ROOT, "| %s | %.4f → %.4f | %s | %d | %d | %d | %.0f | %.0f |%n",
                scenario.scenario(), scenario.meanChampionClickThroughRate(),
                scenario.meanChallengerClickThroughRate(), method, summary.right(), summary.wrong(),
                summary.undecided(), summary.medianImpressions(), summary.p90Impressions());
    }
}
