package io.tandem.adapters.in.cli.bench;

import io.tandem.adapters.in.cli.TandemCommand;
import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemServer;
import io.tandem.adapters.in.cli.TandemSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTrainCommandTest {

    private final AtomicInteger starts = new AtomicInteger();

    @Test
    void helpNamesTheOptionsAndTheHeapSettingAndStartsNothing() {
        Run run = run("bench", "train", "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("--events", "--items", "--users", "--seed", "--set", "--output", "-Xmx4g");
        assertThat(starts).hasValue(0);
    }

    @Test
    void benchListsTrain() {
        assertThat(run("bench", "--help").out).contains("train");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--events=0", "--items=0", "--users=0", "--events=abc", "--set=datasources.default.url=x",
            "--no-such-option"})
    void aBadOptionIsAUsageErrorWithAMessage(String option) {
        Run run = run("bench", "train", option);

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).isNotBlank();
        assertThat(starts).hasValue(0);
    }

    @Test
    void fewerEventsThanUsersIsAUsageError() {
        Run run = run("bench", "train", "--events=10", "--users=20");

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err).contains("--events must be at least --users");
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
        public void serve(PrintStream out, java.util.Optional<String> profile) {
            starts.incrementAndGet();
        }

        @Override
        public int checkConfiguration(PrintStream out, java.util.Optional<String> profile) {
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
