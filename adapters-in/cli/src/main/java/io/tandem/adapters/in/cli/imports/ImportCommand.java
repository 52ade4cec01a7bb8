package io.tandem.adapters.in.cli.imports;

import io.tandem.adapters.in.cli.CommandGroup;
import io.tandem.adapters.in.cli.TandemLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The {@code tandem import} command group: events from NDJSON files, and the MovieLens and Last.fm data sets. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load events, items and users from files. Every event goes through the same validation "
                + "as POST /v1/events; bad lines are reported with their line number and never stop an import.")
public final class ImportCommand extends CommandGroup {

    /** The {@code import} command with its subcommands, showing progress as suits the console. */
    public static CommandLine commandLine(TandemLauncher launcher, PrintStream out) {
        return commandLine(launcher, out, ImportProgress.Display.forConsole(out));
    }

    static CommandLine commandLine(TandemLauncher launcher, PrintStream out, ImportProgress.Display progress) {
        return new CommandLine(new ImportCommand())
                .addSubcommand("events", new ImportEventsCommand(launcher, out, progress))
                .addSubcommand("movielens", new ImportMovieLensCommand(launcher, out, progress))
                .addSubcommand("lastfm", new ImportLastFmCommand(launcher, out, progress));
    }

    /** Why {@code file} cannot be imported, or empty when it can. */
    static Optional<String> unreadableFile(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("no such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("not a regular file: " + file);
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot read " + file + ": permission denied");
        }
        return Optional.empty();
    }

    /** Why {@code folder} cannot be imported (missing, or lacking one of {@code requiredFiles}), or empty. */
    static Optional<String> unreadableFolder(Path folder, List<String> requiredFiles) {
        if (!Files.isDirectory(folder)) {
            return Optional.of("no such folder: " + folder);
        }
        for (String name : requiredFiles) {
            Optional<String> problem = unreadableFile(folder.resolve(name));
            if (problem.isPresent()) {
                return Optional.of(problem.get() + " (expected " + String.join(", ", requiredFiles) + " in "
                        + folder + ")");
            }
        }
        return Optional.empty();
    }

    /** Prints {@code message} after the command's name on the error stream and returns {@code exitCode}. */
    static int fail(CommandSpec spec, int exitCode, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return exitCode;
    }

    /** An I/O failure in words; the JDK puts only the path into the message of the common ones. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
