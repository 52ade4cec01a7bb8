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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code tandem import lastfm DIR}: loads the HetRec 2011 Last.fm 2K artists, users and listening counts. */
@Command(name = "lastfm", mixinStandardHelpOptions = true,
        description = {
            "Import HetRec 2011 Last.fm 2K (https://grouplens.org/datasets/hetrec-2011/) from the folder that "
                    + "holds artists.dat and user_artists.dat.",
            "Items: artists.dat, attribute name; when tags.dat and user_taggedartists.dat are present, an "
                    + "artist's 3 most often assigned tags become its categories. Users: every user of "
                    + "user_artists.dat (the set has no user attributes). Both are stored before the events.",
            "Events: each (user, artist, plays) line becomes ONE 'view' event with value = the play count and "
                    + "the id lastfm2k-<user>-<artist>. Why 'view': a play count is implicit consumption "
                    + "feedback, which is what a view is; unlike 'click' it keeps the strength of the signal in "
                    + "value, and unlike 'rating' it claims no explicit opinion. One event per pair, not one per "
                    + "play, keeps 92,834 pairs from becoming 69 million events.",
            "Time: the file has none. The user's latest tagging of that artist (user_taggedartists-timestamps.dat) "
                    + "when present, else 2011-05-01T00:00:00Z, when the set was published."
        })
final class ImportLastFmCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The hetrec2011-lastfm-2k folder.")
    private Path folder;

    private final TandemLauncher launcher;
    private final PrintStream out;
    private final ImportProgress.Display progress;

    ImportLastFmCommand(TandemLauncher launcher, PrintStream out, ImportProgress.Display progress) {
        this.launcher = launcher;
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() {
        return ImportSteps.fromFolder(spec, launcher, out, folder, LastFm2k.REQUIRED_FILES, (useCases, rejects) -> {
            Map<String, Set<String>> topTags = LastFm2k.topTags(folder);
            Path artists = folder.resolve(LastFm2k.ARTISTS);
            long items = ImportSteps.catalog(artists, TextLines.utf8OrLatin1(artists), LastFm2k.artists(topTags),
                    UpsertItemsCommand.MAX_ITEMS, batch -> useCases.upsertItems().upsert(new UpsertItemsCommand(batch)),
                    rejects);
            out.printf("%s: %,d items stored%s%n", LastFm2k.ARTISTS, items, topTags.isEmpty()
                    ? " (no " + LastFm2k.TAGS + " + " + LastFm2k.TAGGINGS + ": no categories)"
                    : ", top tags as categories");
            Path listenings = folder.resolve(LastFm2k.LISTENINGS);
            long users = ImportSteps.catalog(listenings, LastFm2k.NUMERIC, LastFm2k.listeners(),
                    UpsertUsersCommand.MAX_USERS, batch -> useCases.upsertUsers().upsert(new UpsertUsersCommand(batch)),
                    rejects);
            out.printf("%s: %,d users stored%n", LastFm2k.LISTENINGS, users);
            Map<String, Long> lastTagged = LastFm2k.lastTagged(folder);
            BatchedEventRecorder.EventTotals events = ImportSteps.events(listenings, LastFm2k.NUMERIC,
                    LastFm2k.listenings(lastTagged), useCases.recordEvents(), rejects, progress);
            out.printf("%s: view events %s%s%n", LastFm2k.LISTENINGS, events.describe(), lastTagged.isEmpty()
                    ? "; no " + LastFm2k.TAGGING_TIMES + ", so all stamped " + LastFm2k.PUBLISHED : "");
        });
    }
}
