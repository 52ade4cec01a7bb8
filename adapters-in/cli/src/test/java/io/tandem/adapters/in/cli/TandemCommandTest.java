package io.tandem.adapters.in.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem serve} and {@code tandem config check}: the profile reaches the launcher, failures are one line. */
class TandemCommandTest {

    private final List<Optional<String>> profiles = new ArrayList<>();

    @Test
    void aGroupRunAloneListsItsSubcommandsAndOpensNoSession() {
        CommandLineRun.SessionLauncher launcher = new CommandLineRun.SessionLauncher(type -> null);

        assertThat(CommandLineRun.run(launcher).out()).contains("Usage: tandem", "import", "keys", "experiments");
        assertThat(CommandLineRun.run(launcher, "keys").out()).contains("Usage: tandem keys", "create", "revoke");
        assertThat(CommandLineRun.run(launcher, "import").out()).contains("Usage: tandem import", "movielens");
        assertThat(CommandLineRun.run(launcher, "config").out()).contains("Usage: tandem config", "check");
        assertThat(CommandLineRun.run(launcher, "experiments").exitCode()).isZero();
        assertThat(CommandLineRun.run(launcher, "experiments").out()).contains("Usage: tandem experiments");
        assertThat(launcher.sessions()).isZero();
    }

    @Test
    void serveAndConfigCheckPassTheProfileOnOrNone() {
        assertThat(run(() -> null, 0, "serve", "--profile", "production").exitCode).isZero();
        assertThat(run(() -> null, 0, "serve").exitCode).isZero();
        assertThat(run(() -> null, 0, "config", "check", "--profile", "production").exitCode).isZero();

        assertThat(profiles).containsExactly(Optional.of("production"), Optional.empty(), Optional.of("production"));
    }

    @Test
    void aStartThatFailsOnTheConfigurationPrintsItsLineAndExitsWithItsCodeWithoutAStackTrace() {
        String line = "tandem.lake.s3.access-key (TANDEM_LAKE_S3_ACCESS_KEY) is required when tandem.lake.store=minio";

        Run failed = run(() -> new LaunchFailedException(line, LaunchFailedException.INVALID_CONFIGURATION), 0,
                "serve", "--profile", "production");

        assertThat(failed.exitCode).isEqualTo(2);
        assertThat(failed.err.lines().toList()).containsExactly(line);
        assertThat(failed.out).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsNotDisguisedAsAConfigurationProblem() {
        Run failed = run(() -> new IllegalStateException("a bug"), 0, "serve");

        assertThat(failed.exitCode).isEqualTo(1);
        assertThat(failed.err).contains("IllegalStateException: a bug");
    }

    @Test
    void configCheckExitsWithWhatTheCheckFound() {
        assertThat(run(() -> null, LaunchFailedException.START_FAILED, "config", "check").exitCode).isEqualTo(1);
        assertThat(run(() -> null, LaunchFailedException.INVALID_CONFIGURATION, "config", "check").exitCode)
                .isEqualTo(2);
    }

    private Run run(Supplier<RuntimeException> failure, int checkExitCode, String... args) {
        TandemLauncher launcher = new TandemLauncher() {
            @Override
            public void serve(PrintStream out, Optional<String> profile) {
                profiles.add(profile);
                RuntimeException thrown = failure.get();
                if (thrown != null) {
                    throw thrown;
                }
            }

            @Override
            public int checkConfiguration(PrintStream out, Optional<String> profile) {
                profiles.add(profile);
                return checkExitCode;
            }

            @Override
            public void demo(PrintStream out) {
                throw new UnsupportedOperationException("not in this test");
            }

            @Override
            public TandemSession openSession() {
                throw new UnsupportedOperationException("not in this test");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TandemCommand.commandLine(launcher, new PrintStream(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
