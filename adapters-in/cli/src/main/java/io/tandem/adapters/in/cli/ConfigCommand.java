package io.tandem.adapters.in.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code tandem config}: what the configuration says; {@code config check} validates it and tries each service. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show and check the configuration.")
final class ConfigCommand extends CommandGroup {


    /** The command with its {@code check} subcommand. */
    static CommandLine commandLine(TandemLauncher launcher, PrintStream out) {
        CommandLine commandLine = new CommandLine(new ConfigCommand());
        commandLine.addSubcommand("check", new CheckCommand(launcher, out));
        return commandLine;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {
                "Print the effective adapter choices and endpoints (secrets masked), validate them, and try to "
                        + "connect to each configured service (PostgreSQL, Redis, Kafka, S3).",
                "Exit code 0 when all is well, 1 when a service does not answer, 2 when a setting is invalid."
            })
    static final class CheckCommand implements Callable<Integer> {

        @CommandLine.Mixin
        private ProfileOption profile;

        private final TandemLauncher launcher;
        private final PrintStream out;

        CheckCommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = Objects.requireNonNull(launcher, "launcher");
            this.out = Objects.requireNonNull(out, "out");
        }

        @Override
        public Integer call() {
            return launcher.checkConfiguration(out, profile.name());
        }
    }
}
