package io.tandem.adapters.in.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tandem.adapters.shared.datasets.EvaluationSplits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tandem bench quality}: replays a split through the front door of a fresh Tandem (catalog, events, a train
 * job, recommendations, all over HTTP) and scores what comes back with the domain's metric code, beside the offline
 * figure {@code tandem evaluate} gives for the same split, computed in the same process on the same interactions.
 */
@Command(name = "quality", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Served quality: start a fresh Tandem with private state on a free port, PUT the catalogue "
                    + "(POST /v1/items:batch), POST the split's training events in batches of 5,000, POST /v1/jobs "
                    + "{\"type\":\"train\"}, wait until the job succeeded and its champion answers on this instance, "
                    + "then GET /v1/users/{id}/recommendations?count=10 for every test user (4 at a time). Scores "
                    + "P/R/NDCG/MAP/MRR/HR@10 and catalogue coverage with the domain's metric code, and counts "
                    + "already-seen items, short lists, fallback answers (by reason), errors and latency p50/p95/p99. "
                    + "Beside each served figure: the offline figure of `tandem evaluate` on the same split (two-stage "
                    + "system) and the ratio served/offline.",
            "Data sets: ml-100k (--protocol folds with --fold u1..u5|all, or temporal: each user's latest 20%% of "
                    + "u.data), lastfm-2k (a seeded 20%% of each user's listenings), events (--file F.ndjson --cut "
                    + "TIME: events before TIME are replayed, each user's positive events after it are the truth).",
            "Needs scripts/services.sh up for --adapters production."
        })
final class BenchQualityCommand implements Callable<Integer> {

    static final int K = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    private CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "ml-100k", paramLabel = "NAME",
            description = "ml-100k, lastfm-2k or events (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--protocol", defaultValue = "folds", paramLabel = "NAME",
            description = "For ml-100k: folds (the u1..u5 base/test files) or temporal (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--fold", defaultValue = "all", paramLabel = "FOLD",
            description = "For ml-100k folds: u1, u2, u3, u4, u5 or all, each on a fresh Tandem "
                    + "(default: ${DEFAULT-VALUE}).")
    String fold;

    @Option(names = "--file", paramLabel = "FILE",
            description = "For --dataset events: an NDJSON file in the event wire format of POST /v1/events.")
    Path file;

    @Option(names = "--cut", paramLabel = "TIME",
            description = "For --dataset events: ISO-8601 instant, e.g. 2026-01-01T00:00:00Z.")
    String cut;

    @Option(names = "--adapters", defaultValue = "embedded", paramLabel = "SET",
            description = "embedded or production (Redis, Kafka, PostgreSQL, S3; each run on a fresh key prefix, "
                    + "schema, topic and bucket) (default: ${DEFAULT-VALUE}).")
    String adapters;

    @Option(names = "--via", defaultValue = "http", paramLabel = "PATH",
            description = "How events go in: http (POST /v1/events) or kafka (the run's event topic, as an outside "
                    + "producer; needs --adapters production) (default: ${DEFAULT-VALUE}).")
    String via;

    @Option(names = "--users", paramLabel = "N",
            description = "Ask for a seeded sample of N test users (default: all test users). The offline figure "
                    + "is always over all of them.")
    Integer users;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the random splits and the ranker (as evaluate's --seed; the train job gets it as "
                    + "tandem.training.seed) and of the user sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", paramLabel = "FILE.json", description = "Also write the results as JSON.")
    Path output;

    @Option(names = "--data-dir", defaultValue = "../shared/data", paramLabel = "DIR",
            description = "Where ml-100k/ and hetrec2011-lastfm-2k/ are (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
            description = "Recommendation requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout-ms", defaultValue = "5000", paramLabel = "MS",
            description = "Client timeout of each recommendation request (default: ${DEFAULT-VALUE}).")
    int timeoutMs;

    @Option(names = "--train-minutes", defaultValue = "15", paramLabel = "M",
            description = "Give up when the train job has not succeeded after M minutes (default: ${DEFAULT-VALUE}).")
    int trainMinutes;

    private final BenchLauncher launcher;
    private final PrintStream out;

    BenchQualityCommand(BenchLauncher launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        BenchAdapters chosen = validated();
        Instant cutAt = dataset.equals("events") ? parseCut() : Instant.EPOCH;
        Optional<String> missing = missingFiles();
        if (missing.isPresent()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + missing.get());
            return CommandLine.ExitCode.USAGE;
        }
        RunProgress progress = new RunProgress(out);
        QualityRun quality = new QualityRun(launcher, new QualityOptions(seed, via, users, concurrency, timeoutMs,
                trainMinutes), progress, out);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (SplitSource source : sources(cutAt)) {
            QualitySplit split = source.read();
            try {
                runs.add(quality.run(split, chosen));
            } catch (IllegalStateException e) {
                // One line, never a stack trace: a failed job or a model that never went live is a finding.
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + QualityReport.name(split) + ": "
                        + e.getMessage());
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("split", split.label());
                failure.put("failure", e.getMessage());
                failed.add(failure);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dataset", dataset);
        report.put("protocol", dataset.equals("ml-100k") ? protocol : dataset.equals("events") ? "cut" : "random");
        report.put("adapters", chosen.label());
        report.put("via", via);
        report.put("k", K);
        report.put("seed", seed);
        report.put("users_sampled", users);
        report.put("runs", runs);
        report.put("failed", failed);
        if (runs.size() > 1) {
            report.put("mean", QualityReport.mean(runs));
            QualityReport.printMean(runs, out);
        }
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(output.toFile(), report);
            progress.line("wrote %s", output);
        }
        return failed.isEmpty() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** One split to read, named for the table. */
    @FunctionalInterface
    private interface SplitSource {
        QualitySplit read() throws IOException;
    }

    private List<SplitSource> sources(Instant cutAt) {
        Path movieLens = dataDir.resolve("ml-100k");
        switch (dataset) {
            case "ml-100k" -> {
                if (protocol.equals("temporal")) {
                    return List.of(() -> QualitySplit.of(EvaluationSplits.movieLensTemporal(movieLens), 0,
                            "temporal", "rating", "ml100k"));
                }
                List<SplitSource> folds = new ArrayList<>();
                for (int f = 1; f <= 5; f++) {
                    if (fold.equals("all") || fold.equals("u" + f)) {
                        int index = f - 1;
                        String label = "u" + f;
                        folds.add(() -> QualitySplit.of(EvaluationSplits.movieLensFolds(movieLens), index, label,
                                "rating", "ml100k"));
                    }
                }
                return folds;
            }
            case "lastfm-2k" -> {
                return List.of(() -> QualitySplit.of(EvaluationSplits.lastFm(dataDir.resolve("hetrec2011-lastfm-2k"),
                        seed), 0, "random", "view", "lastfm2k"));
            }
            default -> {
                return List.of(() -> EventFileSplit.read(file, cutAt));
            }
        }
    }

    private BenchAdapters validated() {
        String problem = null;
        if (!List.of("ml-100k", "lastfm-2k", "events").contains(dataset)) {
            problem = "--dataset must be ml-100k, lastfm-2k or events, not '" + dataset + "'";
        } else if (!List.of("folds", "temporal").contains(protocol)) {
            problem = "--protocol must be folds or temporal, not '" + protocol + "'";
        } else if (!protocol.equals("folds") && !dataset.equals("ml-100k")) {
            problem = "--protocol applies to --dataset ml-100k only";
        } else if (!List.of("u1", "u2", "u3", "u4", "u5", "all").contains(fold)) {
            problem = "--fold must be u1, u2, u3, u4, u5 or all, not '" + fold + "'";
        } else if (dataset.equals("events") && (file == null || cut == null)) {
            problem = "--dataset events needs --file FILE.ndjson and --cut TIME";
        } else if (!dataset.equals("events") && (file != null || cut != null)) {
            problem = "--file and --cut apply to --dataset events only";
        } else if (!List.of("http", "kafka").contains(via)) {
            problem = "--via must be http or kafka, not '" + via + "'";
        } else if (via.equals("kafka") && !adapters.equals("production")) {
            problem = "--via kafka needs --adapters production (embedded Tandem reads no Kafka topic)";
        } else if (users != null && users < 1) {
            problem = "--users must be 1 or more";
        } else if (concurrency < 1 || concurrency > 64) {
            problem = "--concurrency must be between 1 and 64";
        } else if (timeoutMs < 1 || trainMinutes < 1) {
            problem = "--timeout-ms and --train-minutes must be 1 or more";
        }
        BenchAdapters chosen = BenchAdapters.named(adapters).filter(set -> set.label().equals(adapters))
                .orElse(null);
        if (problem == null && chosen == null) {
            problem = "--adapters must be embedded or production, not '" + adapters + "'";
        }
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        return chosen;
    }

    private Instant parseCut() {
        try {
            return Instant.parse(cut);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--cut must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, not '" + cut + "'");
        }
    }

    /** Why the data cannot be read, naming the folder and what to put there; empty when all is in place. */
    private Optional<String> missingFiles() {
        if (dataset.equals("events")) {
            return Files.isRegularFile(file) && Files.isReadable(file) ? Optional.empty()
                    : Optional.of("no readable events file at " + file);
        }
        boolean movieLens = dataset.equals("ml-100k");
        Path folder = dataDir.resolve(movieLens ? "ml-100k" : "hetrec2011-lastfm-2k");
        List<String> needed = !movieLens ? EvaluationSplits.lastFmFiles()
                : protocol.equals("folds") ? EvaluationSplits.movieLensFoldFiles()
                : EvaluationSplits.movieLensTemporalFiles();
        List<String> absent = needed.stream().filter(name -> !Files.isRegularFile(folder.resolve(name))).toList();
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the " + dataset + " data set is missing: " + folder.toAbsolutePath().normalize()
                + " lacks " + String.join(", ", absent) + ". Put the data set there (MovieLens 100K from "
                + "grouplens.org/datasets/movielens/100k, HetRec 2011 Last.fm from grouplens.org/datasets/hetrec-2011) "
                + "or name its parent folder with --data-dir DIR.");
    }

}
