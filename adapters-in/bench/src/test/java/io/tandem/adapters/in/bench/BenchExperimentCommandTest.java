package io.tandem.adapters.in.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem bench experiment} on a small world: progress per run, then the table; nothing is started. */
class BenchExperimentCommandTest {

    @Test
    void aSmallStudyPrintsEachRunThenTheTable() {
        BenchRun run = run("bench", "experiment", "--runs", "1", "--users", "300", "--items", "60", "--max-requests",
                "3000", "--seed", "7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 runs per scenario, seed 7", "[1/3] challenger better", "[2/3] challenger worse",
                "[3/3] no difference", "| Scenario | True CTR champion → challenger |", "| challenger better |",
                "| no difference | ", "both decided in");
        assertThat(run.out().lines().filter(line -> line.startsWith("| ") && line.contains(" | A/B | "))).hasSize(3);
        assertThat(run.out().lines().filter(line -> line.contains(" | interleaving | "))).hasSize(3);
    }

    @Test
    void theSameSeedGivesTheSameRuns() {
        String[] args = {"bench", "experiment", "--runs", "1", "--users", "300", "--items", "60", "--max-requests",
            "3000", "--seed", "11"};

        assertThat(progress(run(args).out())).isEqualTo(progress(run(args).out()));
    }

    @Test
    void aBadSizeIsAUsageErrorNamingTheOption() {
        BenchRun run = run("bench", "experiment", "--items", "5");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--items: must be at least listLength");
        assertThat(run("bench", "--help").out()).contains("experiment");
    }

    /** The progress lines without their elapsed seconds. */
    private static java.util.List<String> progress(String out) {
        return out.lines().filter(line -> line.startsWith("[")).map(line -> line.replaceAll("\\| \\d+ s$", ""))
                .toList();
    }

    private static BenchRun run(String... args) {
        return BenchRun.run(new BenchRun.CountingLauncher(), args);
    }
}
