package io.tandem.adapters.in.cli.imports;

import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.adapters.in.cli.UseCases;
import io.tandem.application.catalog.port.in.CatalogCounts;
import io.tandem.application.catalog.port.in.CountCatalogQuery;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.EventSubmission;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The two steps every import is made of, catalog records in batches, then events in batches, and the frame of a
 * data-set import from a folder around them.
 */
final class ImportSteps {

    /** The steps of one data set, on an open session; rejected lines go to {@code rejects}. */
    @FunctionalInterface
    interface FolderSteps {
        void run(UseCases useCases, RejectLog rejects) throws IOException;
    }

    private ImportSteps() {
    }

    /**
     * Imports a data set from {@code folder}: refuses a folder without {@code requiredFiles} (usage error), runs
     * {@code steps} on one session, prints what the catalog holds, then the rejected lines.
     *
     * @return the exit code
     */
    static int fromFolder(CommandSpec spec, TandemLauncher launcher, PrintStream out, Path folder,
                          List<String> requiredFiles, FolderSteps steps) {
        Optional<String> problem = ImportCommand.unreadableFolder(folder, requiredFiles);
        if (problem.isPresent()) {
            return ImportCommand.fail(spec, ExitCode.USAGE, problem.get());
        }
        RejectLog rejects = RejectLog.inMemory();
        try (TandemSession session = launcher.openSession()) {
            steps.run(session.useCases(), rejects);
            CatalogCounts catalog = session.useCases().countCatalog().count(new CountCatalogQuery());
            out.printf("The catalog now holds %,d items and %,d users.%n", catalog.items(), catalog.users());
        } catch (IOException e) {
            return ImportCommand.fail(spec, ExitCode.SOFTWARE, "cannot read " + folder + ": "
                    + ImportCommand.describe(e));
        }
        rejects.print(out);
        return ExitCode.OK;
    }

    /**
     * Reads catalog records (items or users) into batches of at most {@code batchSize}; a bad line is logged as
     * rejected and the rest of the file still counts. Returns how many records were handed to {@code sink}.
     */
    static <T> long catalog(Path file, Charset charset, LineParser<T> parser, int batchSize,
                            BatchBuffer.Sink<T> sink, RejectLog rejects) throws IOException {
        BatchBuffer<T> batches = new BatchBuffer<>(batchSize, sink);
        String name = file.getFileName().toString();
        TextLines.read(file, charset, (number, text) -> {
            Optional<T> record;
            try {
                record = parser.parse(number, text);
            } catch (InvalidFieldException e) {
                rejects.add(new RejectedLine(name, number, e.field(), e.reason(), text));
                return;
            }
            if (record.isPresent()) {
                batches.add(record.get());
            }
        });
        batches.flush();
        return batches.added();
    }

    /**
     * Streams the events of {@code file} to {@code recordEvents}, showing progress through the file. A line the
     * parser cannot read becomes an {@link EventSubmission.Unreadable}, so the domain refuses it in its batch,
     * by line number, like any other invalid event.
     */
    static BatchedEventRecorder.EventTotals events(Path file, Charset charset, LineParser<EventSubmission> parser,
                                                   RecordEventsUseCase recordEvents, RejectLog rejects,
                                                   ImportProgress.Display display) throws IOException {
        String name = file.getFileName().toString();
        BatchedEventRecorder recorder = new BatchedEventRecorder(recordEvents, name, rejects);
        try (ImportProgress progress = display.start(name, Files.size(file))) {
            TextLines.read(file, charset, progress, (number, text) -> {
                Optional<EventSubmission> submission;
                try {
                    submission = parser.parse(number, text);
                } catch (InvalidFieldException e) {
                    submission = Optional.of(new EventSubmission.Unreadable(e.field(), e.reason()));
                }
                if (submission.isPresent()) {
                    recorder.add(number, text, submission.get());
                }
            });
            return recorder.finish();
        }
    }
}
