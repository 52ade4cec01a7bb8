package io.tandem.adapters.in.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BenchQualityCommandTest {

    private final BenchRun.CountingLauncher launcher = new BenchRun.CountingLauncher();
    private final AtomicInteger starts = launcher.starts;

    @Test
    void helpNamesTheOptionsAndStartsNothing() {
        BenchRun run = run("bench", "quality", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--dataset", "--protocol", "--fold", "--file", "--cut", "--adapters", "--via",
                "--users", "--seed", "--output", "--data-dir", "served/offline");
        assertThat(starts).hasValue(0);
    }

    @Test
    void benchListsQuality() {
        assertThat(run("bench", "--help").out()).contains("quality");
    }

    @Test
    void aMissingDataSetIsNamedWithItsFolderAndStartsNothing(@TempDir Path empty) {
        BenchRun run = run("bench", "quality", "--dataset", "ml-100k", "--fold", "u1", "--data-dir", empty.toString());

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("ml-100k data set is missing", empty.resolve("ml-100k").toString(), "u1.base",
                "--data-dir");
        assertThat(starts).hasValue(0);
    }

    @Test
    void aMissingEventsFileIsNamed(@TempDir Path empty) {
        Path file = empty.resolve("events.ndjson");
        BenchRun run = run("bench", "quality", "--dataset", "events", "--file", file.toString(), "--cut",
                "2026-01-01T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("no readable events file at " + file);
        assertThat(starts).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--dataset=ml-1m", "--protocol=random", "--fold=u6", "--fold=U1", "--adapters=cloud",
            "--via=smoke", "--via=kafka", "--users=0", "--concurrency=0", "--train-minutes=0", "--cut=2026-01-01T00:00:00Z",
            "--no-such-option"})
    void aBadOptionIsAUsageErrorWithAMessage(String option) {
        BenchRun run = run("bench", "quality", option);

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains(option.replaceFirst("=.*", ""));
        assertThat(starts).hasValue(0);
    }

    @Test
    void eventsNeedAFileAndACutThatIsAnInstant(@TempDir Path folder) {
        assertThat(run("bench", "quality", "--dataset", "events").err()).contains("--file", "--cut");
        BenchRun run = run("bench", "quality", "--dataset", "events", "--file", folder.resolve("e.ndjson").toString(),
                "--cut", "yesterday");
        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--cut must be an ISO-8601 instant");
        assertThat(starts).hasValue(0);
    }

    private BenchRun run(String... args) {
        return BenchRun.run(launcher, args);
    }
}
