package io.tandem.adapters.shared.datasets;

import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.RandomSplit;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.evaluation.TemporalSplit;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.ItemFacets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a supported data set into evaluation folds under a protocol. MovieLens 100K: the five u1..u5 base/test
 * files ({@code folds}), or u.data cut per user by time ({@code temporal}) or at random ({@code random}); items
 * get u.item's genres as categories and release dates as creation times. HetRec Last.fm 2K: user_artists.dat cut
 * at random per user, play counts as values (the set records no listening times).
 */
public final class EvaluationFiles {

    /** The data sets {@code evaluate} reads. */
    public enum Dataset {
        ML_100K("ml-100k"),
        LASTFM_2K("lastfm-2k");

        public final String label;

        Dataset(String label) {
            this.label = label;
        }
    }

    /** How folds are cut. */
    public enum Protocol {
        FOLDS("folds"),
        TEMPORAL("temporal"),
        RANDOM("random");

        public final String label;

        Protocol(String label) {
            this.label = label;
        }
    }

    /** The share of each user's interactions the temporal and random protocols hold out for testing. */
    public static final double TEST_FRACTION = 0.2;

    public static final int MOVIELENS_FOLDS = 5;

    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
    private static final DateTimeFormatter RELEASE_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    /** Last.fm listenings carry no time; the data set's publication month stands in for all of them. */
    private static final long LASTFM_PUBLISHED = Instant.parse("2011-05-01T00:00:00Z").getEpochSecond();

    private EvaluationFiles() {
    }

    /** The files {@code dataset} needs in its folder under {@code protocol}. */
    public static List<String> requiredFiles(Dataset dataset, Protocol protocol) {
        if (dataset == Dataset.LASTFM_2K) {
            return List.of("user_artists.dat");
        }
        List<String> files = new ArrayList<>(List.of("u.genre", "u.item"));
        if (protocol == Protocol.FOLDS) {
            for (int f = 1; f <= MOVIELENS_FOLDS; f++) {
                files.add("u" + f + ".base");
                files.add("u" + f + ".test");
            }
        } else {
            files.add("u.data");
        }
        return List.copyOf(files);
    }

    /** Why {@code dataset} cannot be evaluated under {@code protocol}, or empty when it can. */
    public static Optional<String> unsupported(Dataset dataset, Protocol protocol) {
        if (dataset == Dataset.LASTFM_2K && protocol != Protocol.RANDOM) {
            return Optional.of("lastfm-2k records no listening times and ships no folds; use --protocol random");
        }
        return Optional.empty();
    }

    /** Reads the folds; {@code folds} limits how many MovieLens folds are used (the first ones). */
    public static EvaluationDataset read(Dataset dataset, Path folder, Protocol protocol, long seed, int folds)
            throws IOException {
        return readNamed(dataset, folder, protocol, seed, folds).dataset();
    }

    /** As {@link #read}, with the text ids of the users and items behind the dataset's indexes. */
    static EvaluationSplits.Named readNamed(Dataset dataset, Path folder, Protocol protocol, long seed, int folds)
            throws IOException {
        return dataset == Dataset.ML_100K ? movieLens(folder, protocol, seed, folds) : lastFm(folder, seed);
    }

    private static EvaluationSplits.Named movieLens(Path folder, Protocol protocol, long seed, int foldCount)
            throws IOException {
        IdIndex items = new IdIndex();
        Map<Integer, int[]> categories = new HashMap<>();
        Map<Integer, Long> created = new HashMap<>();
        List<String> genres = movieLensItems(folder, items, categories, created);
        IdIndex users = new IdIndex();
        List<RatingRows[]> rows = new ArrayList<>();
        if (protocol == Protocol.FOLDS) {
            for (int f = 1; f <= Math.min(foldCount, MOVIELENS_FOLDS); f++) {
                rows.add(new RatingRows[] {
                    movieLensRatings(folder.resolve("u" + f + ".base"), users, items),
                    movieLensRatings(folder.resolve("u" + f + ".test"), users, items)});
            }
        } else {
            rows.add(new RatingRows[] {movieLensRatings(folder.resolve("u.data"), users, items)});
        }
        ItemFacets facets = facets(items.size(), genres, categories, created);
        List<Fold> folds = new ArrayList<>();
        for (RatingRows[] pair : rows) {
            InteractionLog first = pair[0].toLog(users.size(), items.size());
            if (pair.length == 2) {
                folds.add(new Fold(first, pair[1].toLog(users.size(), items.size())));
            } else {
                Split split = protocol == Protocol.TEMPORAL ? new TemporalSplit(TEST_FRACTION)
                        : new RandomSplit(TEST_FRACTION, seed);
                folds.add(split.split(first));
            }
        }
        return new EvaluationSplits.Named(new EvaluationDataset(Dataset.ML_100K.label, protocol.label, facets, folds),
                users.ids(), items.ids());
    }

    /** u.genre names by index, and u.item's items (in file order), genres and release dates. */
    private static List<String> movieLensItems(Path folder, IdIndex items, Map<Integer, int[]> categories,
                                               Map<Integer, Long> created) throws IOException {
        Map<Integer, String> byIndex = new HashMap<>();
        forEachLine(folder.resolve("u.genre"), LATIN_1, (number, line) -> {
            String[] columns = line.split("\\|", -1);
            if (columns.length == 2) {
                byIndex.put(parseInt(columns[1], "u.genre", number), columns[0].strip());
            }
        });
        List<String> genres = new ArrayList<>();
        for (int g = 0; byIndex.containsKey(g); g++) {
            genres.add(byIndex.get(g));
        }
        forEachLine(folder.resolve("u.item"), LATIN_1, (number, line) -> {
            String[] columns = line.split("\\|", -1);
            if (columns.length < 5 + genres.size()) {
                throw new IOException("u.item:" + number + ": expected " + (5 + genres.size()) + " columns");
            }
            int item = items.indexOf(columns[0].strip());
            int[] own = new int[genres.size()];
            int size = 0;
            for (int g = 0; g < genres.size(); g++) {
                if ("1".equals(columns[5 + g].strip())) {
                    own[size++] = g;
                }
            }
            categories.put(item, Arrays.copyOf(own, size));
            releaseDate(columns[2]).ifPresent(time -> created.put(item, time));
        });
        return genres;
    }

    private static Optional<Long> releaseDate(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(
                    LocalDate.parse(text.strip(), RELEASE_DATE).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code user item rating unix-seconds}, tab-separated; every rating is a positive interaction. */
    private static RatingRows movieLensRatings(Path file, IdIndex users, IdIndex items) throws IOException {
        RatingRows rows = new RatingRows();
        String name = file.getFileName().toString();
        forEachLine(file, LATIN_1, (number, line) -> {
            String[] columns = line.split("\t", -1);
            if (columns.length != 4) {
                throw new IOException(name + ":" + number + ": expected user, item, rating and time");
            }
            rows.add(users.indexOf(columns[0].strip()), items.indexOf(columns[1].strip()),
                    parseFloat(columns[2], name, number), parseLong(columns[3], name, number));
        });
        return rows;
    }

    private static EvaluationSplits.Named lastFm(Path folder, long seed) throws IOException {
        IdIndex items = new IdIndex();
        Path artists = folder.resolve("artists.dat");
        if (Files.isRegularFile(artists)) {
            // The catalogue is every artist, also those nobody listened to.
            forEachLine(artists, StandardCharsets.UTF_8, (number, line) -> {
                String id = line.split("\t", -1)[0].strip();
                if (isNumber(id)) {
                    items.indexOf(id);
                }
            });
        }
        IdIndex users = new IdIndex();
        RatingRows rows = new RatingRows();
        forEachLine(folder.resolve("user_artists.dat"), StandardCharsets.US_ASCII, (number, line) -> {
            String[] columns = line.split("\t", -1);
            if (number == 1 && !isNumber(columns[0].strip())) {
                return;
            }
            if (columns.length != 3) {
                throw new IOException("user_artists.dat:" + number + ": expected userID, artistID and weight");
            }
            rows.add(users.indexOf(columns[0].strip()), items.indexOf(columns[1].strip()),
                    parseFloat(columns[2], "user_artists.dat", number), LASTFM_PUBLISHED);
        });
        InteractionLog log = rows.toLog(users.size(), items.size());
        Fold fold = new RandomSplit(TEST_FRACTION, seed).split(log);
        return new EvaluationSplits.Named(new EvaluationDataset(Dataset.LASTFM_2K.label, Protocol.RANDOM.label,
                ItemFacets.none(items.size()), List.of(fold)), users.ids(), items.ids());
    }

    private static ItemFacets facets(int itemCount, List<String> genres, Map<Integer, int[]> categories,
                                     Map<Integer, Long> created) {
        int[][] own = new int[itemCount][];
        long[] times = new long[itemCount];
        for (int item = 0; item < itemCount; item++) {
            own[item] = categories.getOrDefault(item, new int[0]);
            times[item] = created.getOrDefault(item, ItemFacets.UNKNOWN_TIME);
        }
        return new ItemFacets(genres, own, times);
    }

    /** One line and its 1-based number; may fail the whole read. */
    @FunctionalInterface
    private interface LineHandler {
        void line(long number, String text) throws IOException;
    }

    private static void forEachLine(Path file, Charset charset, LineHandler handler) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            long number = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    handler.line(number, line);
                }
            }
        }
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static int parseInt(String text, String file, long line) throws IOException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + line + ": not a number: '" + text + "'");
        }
    }

    private static long parseLong(String text, String file, long line) throws IOException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + line + ": not a number: '" + text + "'");
        }
    }

    private static float parseFloat(String text, String file, long line) throws IOException {
        try {
            float value = Float.parseFloat(text.strip());
            if (!Float.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + line + ": not a number: '" + text + "'");
        }
    }
}
