package io.tandem.adapters.in.cli.imports;

import io.tandem.adapters.in.cli.TandemCommand;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the real {@code tandem} command line against a fake platform, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code tandem args...} as bootstrap would, through {@link TandemCommand#commandLine}. */
    static CommandRun of(RecordingPlatform platform, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StringWriter help = new StringWriter();
        int exitCode;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CommandLine commandLine = TandemCommand.commandLine(platform, out);
            commandLine.setOut(new PrintWriter(help, true));
            commandLine.setErr(new PrintWriter(err, true));
            exitCode = commandLine.execute(args);
        }
        return new CommandRun(exitCode, bytes.toString(StandardCharsets.UTF_8) + help, err.toString());
    }
}
