package io.tandem.adapters.in.cli;

import io.tandem.adapters.in.cli.evaluate.EvaluateCommand;
import io.tandem.adapters.in.cli.imports.ImportCommand;
import io.tandem.adapters.in.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.Objects;

/** The top-level {@code tandem} command; without a subcommand it prints usage. */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "Tandem 0.1.0",
        description = "Recommendation and ranking platform in one deployable.",
        subcommands = CommandLine.HelpCommand.class)
public final class TandemCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The command line with every subcommand, ready to {@code execute(args)}. */
    public static CommandLine commandLine(TandemLauncher launcher, PrintStream out) {
        Objects.requireNonNull(launcher, "launcher");
        CommandLine commandLine = new CommandLine(new TandemCommand());
        commandLine.addSubcommand("demo", new DemoCommand(launcher, out));
        commandLine.addSubcommand("serve", new ServeCommand(launcher, out));
        commandLine.addSubcommand("import", ImportCommand.commandLine(launcher, out));
        commandLine.addSubcommand("evaluate", new EvaluateCommand(launcher, out));
        commandLine.addSubcommand("train", new TrainCommand(launcher, out));
        commandLine.addSubcommand("bench", BenchCommand.commandLine(launcher, out));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run everything on embedded defaults (no external server) with a generated data set, "
                    + "and serve on http://localhost:8080.")
    static final class DemoCommand implements Runnable {

        private final TandemLauncher launcher;
        private final PrintStream out;

        DemoCommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = launcher;
            this.out = out;
        }

        @Override
        public void run() {
            launcher.demo(out);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the HTTP API on the configured adapters (see README: Configuration).")
    static final class ServeCommand implements Runnable {

        private final TandemLauncher launcher;
        private final PrintStream out;

        ServeCommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = launcher;
            this.out = out;
        }

        @Override
        public void run() {
            launcher.serve(out);
        }
    }
}
