package io.tandem.adapters.in.cli.imports;

import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tandem import events FILE}: records the events of a newline-delimited JSON file. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {
            "Record the events of a newline-delimited JSON file (UTF-8), one event per line in the wire format "
                    + "of POST /v1/events:",
            "  {\"id\":\"e1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\",\"time\":\"2026-01-01T10:00:00Z\","
                    + "\"value\":null,\"context\":{\"surface\":\"home\",\"requestId\":\"r1\",\"position\":3}}",
            "Ids may be strings or whole numbers; time is ISO-8601 with offset, or epoch milliseconds as a number. "
                    + "Lines are judged exactly as POST /v1/events judges events (unknown fields, repeated keys and "
                    + "padded ids are refused). The file is streamed and sent in batches of 10,000. A bad line is "
                    + "rejected with its line number and the rest is kept; re-importing a file counts its events as "
                    + "duplicates (by id).",
            "Exit code: 0 when the file was read, even with rejected lines; 2 when FILE is missing or "
                    + "unreadable (or the rejects file cannot be written); 1 when reading fails midway."
        })
final class ImportEventsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The NDJSON file of events.")
    private Path file;

    @Option(names = "--rejects", paramLabel = "PATH",
            description = "Where to write every rejected line (NDJSON: line, field, message, input). "
                    + "Default: FILE with .rejected.ndjson in place of its extension, beside FILE.")
    private Path rejectsFile;

    private final TandemLauncher launcher;
    private final PrintStream out;
    private final ImportProgress.Display progress;

    ImportEventsCommand(TandemLauncher launcher, PrintStream out, ImportProgress.Display progress) {
        this.launcher = launcher;
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() {
        Optional<String> problem = ImportCommand.unreadableFile(file);
        if (problem.isPresent()) {
            return ImportCommand.fail(spec, ExitCode.USAGE, problem.get());
        }
        Path rejectsPath = rejectsFile != null ? rejectsFile : defaultRejectsFile(file);
        if (rejectsPath.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            return ImportCommand.fail(spec, ExitCode.USAGE, "--rejects must not be the input file itself");
        }
        RejectLog rejects;
        try {
            rejects = RejectLog.toFile(rejectsPath);
        } catch (IOException e) {
            return ImportCommand.fail(spec, ExitCode.USAGE, "cannot write the rejects file "
                    + ImportCommand.describe(e) + "; choose another place with --rejects PATH");
        }
        BatchedEventRecorder.EventTotals totals;
        try (rejects; TandemSession session = launcher.openSession()) {
            totals = ImportSteps.events(file, StandardCharsets.UTF_8, new EventJsonLine(),
                    session.useCases().recordEvents(), rejects, progress);
        } catch (IOException e) {
            return ImportCommand.fail(spec, ExitCode.SOFTWARE, "cannot read " + file + ": "
                    + ImportCommand.describe(e));
        }
        out.println(file.getFileName() + ": events " + totals.describe() + ".");
        rejects.print(out);
        return ExitCode.OK;
    }

    /** {@code events.ndjson} → {@code events.rejected.ndjson}, beside the input. */
    static Path defaultRejectsFile(Path input) {
        String name = input.getFileName().toString();
        String base = name.replaceFirst("\\.(ndjson|jsonl|json)$", "");
        return input.toAbsolutePath().resolveSibling(base + ".rejected.ndjson");
    }
}
