package io.tandem.adapters.in.cli.imports;

import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tandem import movielens DIR}: loads the MovieLens 100K items, users and ratings. */
@Command(name = "movielens", mixinStandardHelpOptions = true,
        description = {
            "Import MovieLens 100K (https://grouplens.org/datasets/movielens/100k/) from the folder that holds "
                    + "u.genre, u.item, u.user and u.data (read as ISO-8859-1).",
            "Items: u.item, with the genres of u.genre as categories, attributes title and year, created at the "
                    + "release date (the epoch when unknown). Users: u.user, with attributes age, gender, "
                    + "occupation and zip. Both are stored before the events.",
            "Events: each line of u.data becomes a 'rating' with the rating as value, the timestamp as time and "
                    + "the id ml100k-<user>-<item>, so importing again counts only duplicates."
        })
final class ImportMovieLensCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ml-100k folder.")
    private Path folder;

    private final TandemLauncher launcher;
    private final PrintStream out;
    private final ImportProgress.Display progress;

    ImportMovieLensCommand(TandemLauncher launcher, PrintStream out, ImportProgress.Display progress) {
        this.launcher = launcher;
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() {
        return ImportSteps.fromFolder(spec, launcher, out, folder, MovieLens100k.FILES, (useCases, rejects) -> {
            List<String> genres = MovieLens100k.genres(folder.resolve("u.genre"));
            long items = ImportSteps.catalog(folder.resolve("u.item"), MovieLens100k.CHARSET,
                    MovieLens100k.items(genres), UpsertItemsCommand.MAX_ITEMS,
                    batch -> useCases.upsertItems().upsert(new UpsertItemsCommand(batch)), rejects);
            out.printf("u.item: %,d items stored (%d genres as categories)%n", items, genres.size());
            long users = ImportSteps.catalog(folder.resolve("u.user"), MovieLens100k.CHARSET,
                    MovieLens100k.users(), UpsertUsersCommand.MAX_USERS,
                    batch -> useCases.upsertUsers().upsert(new UpsertUsersCommand(batch)), rejects);
            out.printf("u.user: %,d users stored%n", users);
            BatchedEventRecorder.EventTotals events = ImportSteps.events(folder.resolve("u.data"),
                    MovieLens100k.CHARSET, MovieLens100k.ratings(), useCases.recordEvents(), rejects, progress);
            out.println("u.data: rating events " + events.describe());
        });
    }
}
