package io.tandem.adapters.in.cli;

import io.tandem.adapters.in.cli.evaluate.EvaluateCommand;
import io.tandem.adapters.in.cli.experiments.ExperimentsCommand;
import io.tandem.adapters.in.cli.imports.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.Objects;

/** The top-level {@code tandem} command; without a subcommand it prints usage. */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "Tandem 0.1.0",
        description = "Recommendation and ranking platform in one deployable.",
        subcommands = CommandLine.HelpCommand.class)
public final class TandemCommand extends CommandGroup {

    /**
     * The command line with every subcommand, ready to {@code execute(args)}. A start that fails on the
     * configuration prints its one-line reasons on the error stream and exits non-zero, without a stack trace.
     *
     * @param tools commands that live in modules of their own (the benchmarks: {@code tandem bench}), listed after
     *              {@code train} under their own names; bootstrap passes them
     */
    public static CommandLine commandLine(TandemLauncher launcher, PrintStream out, CommandLine... tools) {
        Objects.requireNonNull(launcher, "launcher");
        CommandLine commandLine = new CommandLine(new TandemCommand());
        commandLine.addSubcommand("demo", new DemoCommand(launcher, out));
        commandLine.addSubcommand("serve", new ServeCommand(launcher, out));
        commandLine.addSubcommand("config", ConfigCommand.commandLine(launcher, out));
        commandLine.addSubcommand("import", ImportCommand.commandLine(launcher, out));
        commandLine.addSubcommand("evaluate", new EvaluateCommand(launcher, out));
        commandLine.addSubcommand("train", new TrainCommand(launcher, out));
        for (CommandLine tool : tools) {
            commandLine.addSubcommand(tool);
        }
        commandLine.addSubcommand("keys", KeysCommand.commandLine(launcher, out));
        commandLine.addSubcommand("experiments", ExperimentsCommand.commandLine(launcher, out));
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            if (failure instanceof LaunchFailedException launch) {
                failed.getErr().println(launch.getMessage());
                return launch.exitCode();
            }
            throw failure;
        });
        return commandLine;
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
            description = {
                "Serve the HTTP API on the configured adapters (see README: Configuration).",
                "--profile production uses PostgreSQL, Redis, Kafka and S3, at the endpoints the environment names "
                        + "(eval \"$(scripts/services.sh env)\" for the local ones). A missing or invalid setting "
                        + "stops the start with one line naming the property and its environment variable "
                        + "(exit code 2); `tandem config check` shows the whole configuration."
            })
    static final class ServeCommand implements Runnable {

        @CommandLine.Mixin
        private ProfileOption profile;

        private final TandemLauncher launcher;
        private final PrintStream out;

        ServeCommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = launcher;
            this.out = out;
        }

        @Override
        public void run() {
            launcher.serve(out, profile.name());
        }
    }
}
