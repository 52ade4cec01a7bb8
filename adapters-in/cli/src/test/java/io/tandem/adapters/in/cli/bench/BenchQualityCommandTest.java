package io.tandem.adapters.in.cli.bench;

import io.tandem.adapters.in.cli.TandemCommand;
import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemServer;
import io.tandem.adapters.in.cli.TandemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BenchQualityCommandTest {

    private final AtomicInteger starts = new AtomicInteger();

    @Test
    void helpNamesTheOptionsAndStartsNothing() {
        Run run = run("bench", "quality", "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("--dataset", "--protocol", "--fold", "--file", "--cut", "--adapters", "--via",
                "--users", "--seed", "--output", "--data-dir", "served/offline");
        assertThat(starts).hasValue(0);
    }

    @Test
    void benchListsQuality() {
        assertThat(run("bench", "--help").out).contains("quality");
    }

    @Test
    void aMissingDataSetIsNamedWithItsFolderAndStartsNothing(@TempDir Path empty) {
        Run run = run("bench", "quality", "--dataset", "ml-100k", "--fold", "u1", "--data-dir", empty.toString());

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains("ml-100k data set is missing", empty.resolve("ml-100k").toString(), "u1.base",
                "--data-dir");
        assertThat(starts).hasValue(0);
    }

    @Test
    void aMissingEventsFileIsNamed(@TempDir Path empty) {
        Path file = empty.resolve("events.ndjson");
        Run run = run("bench", "quality", "--dataset", "events", "--file", file.toString(), "--cut",
                "2026-01-01T00:00:00Z");

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains("no readable events file at " + file);
        assertThat(starts).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--dataset=ml-1m", "--protocol=random", "--fold=u6", "--fold=U1", "--adapters=cloud",
            "--via=smoke", "--via=kafka", "--users=0", "--concurrency=0", "--train-minutes=0", "--cut=2026-01-01T00:00:00Z",
            "--no-such-option"})
    void aBadOptionIsAUsageErrorWithAMessage(String option) {
        Run run = run("bench", "quality", option);

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains(option.replaceFirst("=.*", ""));
        assertThat(starts).hasValue(0);
    }

    @Test
    void eventsNeedAFileAndACutThatIsAnInstant(@TempDir Path folder) {
        assertThat(run("bench", "quality", "--dataset", "events").err).contains("--file", "--cut");
        Run run = run("bench", "quality", "--dataset", "events", "--file", folder.resolve("e.ndjson").toString(),
                "--cut", "yesterday");
        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains("--cut must be an ISO-8601 instant");
        assertThat(starts).hasValue(0);
    }

    private Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintStream printed = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CommandLine commandLine = TandemCommand.commandLine(new CountingLauncher(), printed);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            exitCode = commandLine.execute(args);
        }
        return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8) + out, err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Counts attempts to start the platform, which a usage error must never make. */
    private final class CountingLauncher implements TandemLauncher {

        @Override
        public void serve(PrintStream out, Optional<String> profile) {
            starts.incrementAndGet();
        }

        @Override
        public int checkConfiguration(PrintStream out, Optional<String> profile) {
            throw new UnsupportedOperationException("bench never checks the configuration");
        }

        @Override
        public void demo(PrintStream out) {
            starts.incrementAndGet();
        }

        @Override
        public TandemSession openSession() {
            starts.incrementAndGet();
            throw new IllegalStateException("no platform in this test");
        }

        @Override
        public TandemServer startServer(Map<String, Object> properties) {
            starts.incrementAndGet();
            throw new IllegalStateException("no platform in this test");
        }
    }
}
