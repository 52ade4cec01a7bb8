package io.tandem.adapters.in.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code tandem} command line run in process, as a terminal would run it, for command tests: what it printed on
 * each stream and its exit code. Its launcher opens sessions over the use cases a test gives and starts nothing else.
 */
public record CommandLineRun(int exitCode, String out, String err) {

    /** Runs {@code args} against {@code launcher}. */
    public static CommandLineRun run(TandemLauncher launcher, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            picocli.CommandLine commandLine = TandemCommand.commandLine(launcher, out);
            commandLine.setErr(new PrintWriter(err, true));
            commandLine.setOut(new PrintWriter(out, true));
            exitCode = commandLine.execute(args);
        }
        return new CommandLineRun(exitCode, bytes.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** A launcher whose sessions answer each use case's type with {@code useCases}; it counts the sessions opened. */
    public static final class SessionLauncher implements TandemLauncher {

        private final Function<Class<?>, Object> useCases;
        private int sessions;

        public SessionLauncher(Function<Class<?>, Object> useCases) {
            this.useCases = useCases;
        }

        /** How many sessions were opened so far. */
        public int sessions() {
            return sessions;
        }

        @Override
        public TandemSession openSession() {
            sessions++;
            return new TandemSession() {
                @Override
                public UseCases useCases() {
                    return UseCasesFixture.of(useCases);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void serve(PrintStream out, Optional<String> profile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int checkConfiguration(PrintStream out, Optional<String> profile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void demo(PrintStream out) {
            throw new UnsupportedOperationException();
        }
    }
}
