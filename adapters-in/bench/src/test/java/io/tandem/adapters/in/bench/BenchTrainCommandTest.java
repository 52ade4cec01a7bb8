package io.tandem.adapters.in.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTrainCommandTest {

    private final BenchRun.CountingLauncher launcher = new BenchRun.CountingLauncher();

    @Test
    void helpNamesTheOptionsAndTheHeapSettingAndStartsNothing() {
        BenchRun run = run("bench", "train", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--events", "--items", "--users", "--seed", "--set", "--output", "-Xmx4g");
        assertThat(launcher.starts).hasValue(0);
    }

    @Test
    void benchListsTrain() {
        assertThat(run("bench", "--help").out()).contains("train");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--events=0", "--items=0", "--users=0", "--events=abc", "--set=datasources.default.url=x",
            "--no-such-option"})
    void aBadOptionIsAUsageErrorWithAMessage(String option) {
        BenchRun run = run("bench", "train", option);

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).isNotBlank();
        assertThat(launcher.starts).hasValue(0);
    }

    @Test
    void fewerEventsThanUsersIsAUsageError() {
        BenchRun run = run("bench", "train", "--events=10", "--users=20");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--events must be at least --users");
        assertThat(launcher.starts).hasValue(0);
    }

    private BenchRun run(String... args) {
        return BenchRun.run(launcher, args);
    }
}
