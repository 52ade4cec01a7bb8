package io.tandem.domain.experiment.offpolicy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Open Bandit Dataset sample (Saito et al. 2020; ZOZOTOWN, 10,000 records per logging policy and
 * campaign) in place from {@code $TANDEM_SHARED_DATA/open-bandit-dataset-sample}, or else from the folder the
 * build passes as {@code tandem.shared-data} ({@code ../shared/data} beside the repository); it is licensed data
 * and never copied into the project. Tests that need it are skipped, saying where it was looked for, when it is
 * not there.
 */
final class OpenBanditSample {

    static final String DATASET = "open-bandit-dataset-sample";
    private static final String VARIABLE = "TANDEM_SHARED_DATA";
    private static final String PROPERTY = "tandem.shared-data";

    private final Path folder;

    private OpenBanditSample(Path folder) {
        this.folder = folder;
    }

    /** The sample, or a skipped test that says it is missing and where it was looked for. */
    static OpenBanditSample require() {
        Optional<Path> root = sharedData();
        Optional<Path> folder = root.map(r -> r.resolve(DATASET)).filter(Files::isDirectory);
        Assumptions.assumeTrue(folder.isPresent(), () -> "SKIPPED: the Open Bandit Dataset sample is missing: no "
                + DATASET + " folder in " + root.map(Path::toString).orElse("(no $" + VARIABLE + " and no -D"
                + PROPERTY + ")") + ". Set $" + VARIABLE + " to the folder holding it; it is licensed data and "
                + "not shipped with Tandem.");
        return new OpenBanditSample(folder.get());
    }

    /** How many items (actions) the campaign has: the rows of its item_context.csv. */
    int actions(String campaign) {
        return lines(folder.resolve("random").resolve(campaign).resolve("item_context.csv")).size() - 1;
    }

    /**
     * The logged decisions of {@code policy} ("bts" or "random") in {@code campaign} ("men" or "women"): the
     * item as action, its position (1 left, 2 centre, 3 right), the click as reward and the logged propensity;
     * the hashed user features, joined, as context.
     */
    List<LoggedDecision> log(String policy, String campaign) {
        List<String> lines = lines(folder.resolve(policy).resolve(campaign).resolve(campaign + ".csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int item = column(header, "item_id");
        int position = column(header, "position");
        int click = column(header, "click");
        int propensity = column(header, "propensity_score");
        int[] features = {column(header, "user_feature_0"), column(header, "user_feature_1"),
            column(header, "user_feature_2"), column(header, "user_feature_3")};
        List<LoggedDecision> log = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            StringBuilder context = new StringBuilder();
            for (int feature : features) {
                context.append(cells[feature]).append('|');
            }
            log.add(new LoggedDecision(context.toString(), Integer.parseInt(cells[item]),
                    Integer.parseInt(cells[position]), Double.parseDouble(cells[click]),
                    Double.parseDouble(cells[propensity])));
        }
        return log;
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("column '" + name + "' not found in " + header);
        }
        return index;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> sharedData() {
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(Path.of(variable));
        }
        return Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of).map(Path::normalize);
    }
}
