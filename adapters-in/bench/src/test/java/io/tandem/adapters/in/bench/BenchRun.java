package io.tandem.adapters.in.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tandem bench ...} run in process, under a {@code tandem} root as bootstrap wires it, for command tests:
 * what it printed (the command's stream and picocli's) and on the error stream, and its exit code.
 */
record BenchRun(int exitCode, String out, String err) {

    static BenchRun run(BenchLauncher launcher, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintStream printed = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CommandLine commandLine = new CommandLine(new Root())
                    .addSubcommand(BenchCommand.commandLine(launcher, printed));
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            exitCode = commandLine.execute(args);
        }
        return new BenchRun(exitCode, bytes.toString(StandardCharsets.UTF_8) + out, err.toString());
    }

    /** A launcher that counts its starts and starts nothing: a usage error or the simulation must never start. */
    static final class CountingLauncher implements BenchLauncher {

        final AtomicInteger starts = new AtomicInteger();

        @Override
        public BenchServer startServer(Map<String, Object> properties) {
            starts.incrementAndGet();
            throw new IllegalStateException("no platform in this test");
        }
    }

    @Command(name = "tandem")
    private static final class Root {
    }
}
