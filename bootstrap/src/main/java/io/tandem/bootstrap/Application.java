package io.tandem.bootstrap;

import io.tandem.adapters.in.bench.BenchCommand;
import io.tandem.adapters.in.cli.TandemCommand;
import picocli.CommandLine;

import java.io.PrintStream;

/** Entry point of the {@code tandem} jar: the command line decides what runs. */
public final class Application {

    private Application() {
    }

    /** The whole {@code tandem} command line: the CLI's commands and, under {@code bench}, the benchmarks. */
    static CommandLine commandLine(PrintStream out) {
        return TandemCommand.commandLine(new MicronautTandemLauncher(), out,
                BenchCommand.commandLine(new MicronautBenchLauncher(), out));
    }

    public static void main(String[] args) {
        int exitCode = commandLine(System.out).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
