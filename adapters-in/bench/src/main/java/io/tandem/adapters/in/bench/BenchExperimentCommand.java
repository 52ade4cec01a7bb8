package io.tandem.adapters.in.bench;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.simulation.MethodSummary;
import io.tandem.domain.experiment.simulation.ScenarioSummary;
import io.tandem.domain.experiment.simulation.SimulationParameters;
import io.tandem.domain.experiment.simulation.SimulationStudy;
import io.tandem.domain.experiment.simulation.SimulationSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code tandem bench experiment}: the simulation study of issue 13 (docs/benchmarks.md, "Experiments"). Synthetic
 * users with known tastes click with position bias; each run pits a good ranking policy against a weakened one (or
 * against itself) in an A/B test through the attribution and read-out path and in team-draft interleaving, both
 * watched by the always-valid test. It prints a line per finished run, then the table of right, wrong and undecided
 * runs and impressions to a decision. Runs in process: no server, no store.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Experiment simulation: A/B test against interleaving between a good and a weakened ranking policy, "
                    + "many seeded runs per scenario (challenger better, worse, no difference); prints each run as "
                    + "it finishes, then right/wrong/undecided and the impressions each method needed to decide.",
            "The defaults are the full study of docs/benchmarks.md (about 15 minutes on 2 cores); "
                    + "--runs 5 --users 500 --items 200 --max-requests 20000 takes seconds."
        })
final class BenchExperimentCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", description = "Runs per scenario (default: ${DEFAULT-VALUE}).")
    private int runs = 100;

    @Option(names = "--seed", paramLabel = "SEED", description = "The study's seed; each run's seed is drawn from it "
            + "(default: ${DEFAULT-VALUE}).")
    private long seed = 2026;

    @Option(names = "--users", paramLabel = "N", description = "Distinct simulated users (default: 5000).")
    private Integer users;

    @Option(names = "--items", paramLabel = "N", description = "Catalogue size (default: 500).")
    private Integer items;

    @Option(names = "--max-requests", paramLabel = "N", description = "Requests per method after which a test ends "
            + "undecided (default: 100000, ten impressions each).")
    private Integer maxRequests;

    private final PrintStream out;

    BenchExperimentCommand(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public Integer call() {
        SimulationParameters standard = SimulationParameters.standard();
        SimulationParameters parameters;
        SimulationStudy study;
        try {
            parameters = standard.resized(users != null ? users : standard.users(),
                    items != null ? items : standard.items(), maxRequests != null ? maxRequests : standard.maxRequests());
            study = new SimulationStudy(parameters, runs, seed);
        } catch (InvalidFieldException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": --" + kebab(e.field()) + ": " + e.reason());
            return CommandLine.ExitCode.USAGE;
        }
        out.println(parameters);
        out.printf(Locale.ROOT, "%d runs per scenario, seed %d%n", runs, seed);
        long started = System.nanoTime();
        SimulationSummary summary = study.run((done, total, run) -> out.printf(Locale.ROOT,
                "[%d/%d] %-17s A/B %-12s %9d impressions | interleaving %-12s %9d impressions | %.0f s%n", done,
                total, label(run.scenario().name()), run.abTest().verdict().wireName(), run.abTest().impressions(),
                run.interleaving().verdict().wireName(), run.interleaving().impressions(),
                (System.nanoTime() - started) / 1e9));
        out.println();
        out.println("| Scenario | True CTR champion → challenger | Method | Right | Wrong | Undecided "
                + "| Median impressions to decide | p90 |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (ScenarioSummary scenario : summary.scenarios()) {
            row(scenario, "A/B", scenario.abTest());
            row(scenario, "interleaving", scenario.interleaving());
        }
        out.println();
        for (ScenarioSummary scenario : summary.scenarios()) {
            out.printf(Locale.ROOT, "%s: both decided in %d runs, agreed in %d%n", label(scenario.scenario().name()),
                    scenario.bothDecided(), scenario.agreements());
        }
        out.printf(Locale.ROOT, "%.0f s%n", (System.nanoTime() - started) / 1e9);
        return CommandLine.ExitCode.OK;
    }

    private void row(ScenarioSummary scenario, String method, MethodSummary summary) {
        out.printf(Locale.ROOT, "| %s | %.4f → %.4f | %s | %d | %d | %d | %s | %s |%n",
                label(scenario.scenario().name()), scenario.meanChampionClickThroughRate(),
                scenario.meanChallengerClickThroughRate(), method, summary.right(), summary.wrong(),
                summary.undecided(), impressions(summary.medianImpressions()), impressions(summary.p90Impressions()));
    }

    /** A count of impressions, or a dash when no run decided. */
    private static String impressions(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** {@code CHALLENGER_BETTER} as {@code challenger better}. */
    private static String label(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code maxRequests} as {@code max-requests}, the option's name. */
    private static String kebab(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
