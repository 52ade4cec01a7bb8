package io.tandem.adapters.in.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BenchServeCommandTest {

    private final BenchRun.CountingLauncher launcher = new BenchRun.CountingLauncher();
    private final AtomicInteger starts = launcher.starts;

    @Test
    void helpNamesTheOptionsAndStartsNothing() {
        BenchRun run = run("bench", "serve", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--items", "--candidates", "--rate", "--seconds", "--output", "--adapters",
                "--hold");
        assertThat(starts).hasValue(0);
    }

    @Test
    void benchListsServe() {
        assertThat(run("bench", "--help").out()).contains("serve", "ingest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--rate=0", "--rate=abc", "--seconds=0", "--items=0", "--adapters=cloud",
            "--new-users=1", "--count=1001", "--no-such-option", "--candidates=0", "--candidates=10001",
            "--hold=-1"})
    void aBadOptionIsAUsageErrorWithAMessage(String option) {
        BenchRun run = run("bench", "serve", option);

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).isNotBlank();
        assertThat(starts).hasValue(0);
    }

    private BenchRun run(String... args) {
        return BenchRun.run(launcher, args);
    }
}
