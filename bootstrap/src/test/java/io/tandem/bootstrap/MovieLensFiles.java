package io.tandem.bootstrap;

import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.ItemFacets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads MovieLens 100K for the evaluation tests: the five u1..u5 folds, and u.item's genres and release dates.
 * Ids are 1-based and dense in this data set, so index = id - 1.
 */
final class MovieLensFiles {

    static final int USERS = 943;
    static final int ITEMS = 1682;

    private static final DateTimeFormatter RELEASE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    private static final int GENRES = 19;

    private MovieLensFiles() {
    }

    static EvaluationDataset folds(Path folder, int count) throws IOException {
        List<Fold> folds = new ArrayList<>();
        for (int f = 1; f <= count; f++) {
            folds.add(new Fold(ratings(folder.resolve("u" + f + ".base")), ratings(folder.resolve("u" + f + ".test"))));
        }
        return new EvaluationDataset("ml-100k", "folds", items(folder), folds);
    }

    static InteractionLog ratings(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int n = lines.size();
        int[] users = new int[n];
        int[] items = new int[n];
        float[] values = new float[n];
        long[] times = new long[n];
        for (int row = 0; row < n; row++) {
            String[] columns = lines.get(row).split("\t");
            users[row] = Integer.parseInt(columns[0]) - 1;
            items[row] = Integer.parseInt(columns[1]) - 1;
            values[row] = Float.parseFloat(columns[2]);
            times[row] = Long.parseLong(columns[3]);
        }
        return new InteractionLog(USERS, ITEMS, users, items, values, times);
    }

    static ItemFacets items(Path folder) throws IOException {
        List<String> genres = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("u.genre"), StandardCharsets.ISO_8859_1)) {
            if (!line.isBlank()) {
                genres.add(line.split("\\|")[0]);
            }
        }
        int[][] categories = new int[ITEMS][];
        long[] created = new long[ITEMS];
        for (String line : Files.readAllLines(folder.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
            String[] columns = line.split("\\|", -1);
            int item = Integer.parseInt(columns[0]) - 1;
            created[item] = columns[2].isBlank() ? ItemFacets.UNKNOWN_TIME
                    : LocalDate.parse(columns[2], RELEASE).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            int[] own = new int[GENRES];
            int size = 0;
            for (int g = 0; g < GENRES; g++) {
                if ("1".equals(columns[5 + g])) {
                    own[size++] = g;
                }
            }
            categories[item] = Arrays.copyOf(own, size);
        }
        return new ItemFacets(genres, categories, created);
    }
}
