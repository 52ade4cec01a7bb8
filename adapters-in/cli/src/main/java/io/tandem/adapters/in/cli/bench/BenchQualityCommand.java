package io.tandem.adapters.in.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemServer;
import io.tandem.adapters.in.cli.evaluate.EvaluationSplits;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersCommand;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.domain.evaluation.EvaluationReport;
import io.tandem.domain.evaluation.ModelEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

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
    private static final int EVENT_BATCH = 5_000;
    private static final int ITEM_BATCH = 10_000;
    private static final Duration LIVE_PATIENCE = Duration.ofSeconds(60);
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

    private final TandemLauncher launcher;
    private final PrintStream out;
    private long startedNanos;

    BenchQualityCommand(TandemLauncher launcher, PrintStream out) {
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
        startedNanos = System.nanoTime();
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (SplitSource source : sources(cutAt)) {
            QualitySplit split = source.read();
            try {
                runs.add(run(split, chosen));
            } catch (IllegalStateException e) {
                // One line, never a stack trace: a failed job or a model that never went live is a finding.
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + name(split) + ": " + e.getMessage());
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("split", split.label());
                failure.put("failure", e.getMessage());
                failed.add(failure);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dataset", dataset);
        report.put("protocol", dataset.equals("ml-100k") ? protocol : dataset.equals("events") ? "cut" : "random");
        report.put("adapters", chosen.name().toLowerCase(Locale.ROOT));
        report.put("via", via);
        report.put("k", K);
        report.put("seed", seed);
        report.put("users_sampled", users);
        report.put("runs", runs);
        report.put("failed", failed);
        if (runs.size() > 1) {
            report.put("mean", mean(runs));
            printMean(runs);
        }
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(output.toFile(), report);
            progress("wrote %s", output);
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
                return List.of(() -> QualitySplit.ofEvents(file, cutAt));
            }
        }
    }

    /** One split on a fresh Tandem: replay, train, wait until live, ask, score, and compare with offline. */
    private Map<String, Object> run(QualitySplit split, BenchAdapters chosen) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path scratch = Files.createTempDirectory("tandem-bench-quality-" + run);
        Map<String, Object> properties = chosen.properties(run, scratch);
        // The job and the offline figure train the same ranker only with the same seed.
        properties.put("tandem.training.seed", Long.toString(seed));
        progress("%s on %s adapters (run %s): %,d items, %,d events to replay", name(split),
                chosen.name().toLowerCase(Locale.ROOT), run,
                split.itemCount(), split.replayJson().size());
        PostgresSchema schema = null;
        if (chosen == BenchAdapters.PRODUCTION) {
            schema = PostgresSchema.create((String) properties.get("datasources.default.url"),
                    (String) properties.get("datasources.default.username"),
                    (String) properties.get("datasources.default.password"), "tandem_quality_" + run);
            properties.put("datasources.default.url", schema.url());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("split", split.label());
        result.put("dataset", split.dataset());
        result.put("protocol", split.protocol());
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tandem-bench-quality-offline");
            thread.setDaemon(true);
            return thread;
        });
        try (TandemServer server = launcher.startServer(properties)) {
            progress("Tandem serving on %s", server.url());
            // The offline figure needs no HTTP: it is computed while the split is replayed and trained, and is
            // waited for before the recommendations are asked for, so it never competes with their latency.
            Future<Offline> offline = background.submit(() -> offline(server, split));
            QualityClient client = new QualityClient(server.url(), Duration.ofMillis(timeoutMs));
            replay(split, client, properties, result);
            String jobId = train(client, result);
            int[] asked = sample(split.testUsers());
            String champion = awaitLive(client, split, asked, result);
            result.put("job_id", jobId);
            result.put("model_version", champion);
            Map<String, Double> twoStage = awaited(offline).record(result);
            ServedQuality served = ask(client, split, asked);
            record(split, served, twoStage, result);
            print(split, served, twoStage);
        } finally {
            background.shutdownNow();
            if (schema != null) {
                schema.close();
            }
            deleteQuietly(scratch);
        }
        if (chosen == BenchAdapters.PRODUCTION) {
            out.printf("Left behind: Redis keys tandem-bench-%1$s:*, Kafka topics tandem-bench-%1$s(.dlq), bucket "
                    + "tandem-bench-%1$s.%n", run);
        }
        return result;
    }

    /** The catalogue over HTTP, then the events in batches of 5,000, over HTTP or the run's Kafka topic. */
    private void replay(QualitySplit split, QualityClient client, Map<String, Object> properties,
                        Map<String, Object> result) throws InterruptedException {
        List<String> catalog = split.catalogJson();
        int upserted = 0;
        for (int from = 0; from < catalog.size(); from += ITEM_BATCH) {
            upserted += client.upsertItems(catalog.subList(from, Math.min(catalog.size(), from + ITEM_BATCH)));
        }
        progress("catalogue: %,d items upserted", upserted);
        List<String> events = split.replayJson();
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        String firstRejection = "";
        long began = System.nanoTime();
        if (via.equals("kafka")) {
            String topic = (String) properties.get("tandem.kafka.topic");
            try (KafkaEventTopic kafka = new KafkaEventTopic((String) properties.get("tandem.kafka.bootstrap-servers"),
                    topic)) {
                for (int from = 0; from < events.size(); from += EVENT_BATCH) {
                    int to = Math.min(events.size(), from + EVENT_BATCH);
                    kafka.send(events.subList(from, to), split.replayUsers().subList(from, to));
                }
            }
            progress("events: %,d acknowledged by Kafka topic %s in %.1f s (the consumers validate them; refusals "
                    + "go to its dead-letter topic)", events.size(), topic, (System.nanoTime() - began) / 1e9);
            result.put("items", upserted);
            result.put("events_sent", events.size());
            result.put("file_lines_unreadable", split.rejectedLines());
            return;
        }
        for (int from = 0; from < events.size(); from += EVENT_BATCH) {
            QualityClient.Ingested batch = client.recordEvents(events.subList(from,
                    Math.min(events.size(), from + EVENT_BATCH)));
            accepted += batch.accepted();
            duplicates += batch.duplicates();
            rejected += batch.rejected();
            if (firstRejection.isEmpty()) {
                firstRejection = batch.firstRejection();
            }
        }
        progress("events: %,d sent, %,d accepted, %,d duplicates, %,d rejected in %.1f s%s", events.size(), accepted,
                duplicates, rejected, (System.nanoTime() - began) / 1e9,
                firstRejection.isEmpty() ? "" : "; first refusal: " + firstRejection);
        result.put("items", upserted);
        result.put("events_sent", events.size());
        result.put("events_accepted", accepted);
        result.put("events_duplicates", duplicates);
        result.put("events_rejected", rejected);
        result.put("file_lines_unreadable", split.rejectedLines());
    }

    /** {@code POST /v1/jobs} train, then {@code GET /v1/jobs/{id}} until it succeeded. */
    private String train(QualityClient client, Map<String, Object> result) {
        long began = System.nanoTime();
        String jobId = client.startTraining();
        progress("train job %s queued", jobId);
        long deadline = began + Duration.ofMinutes(trainMinutes).toNanos();
        String lastMessage = "";
        while (true) {
            JsonNode job = client.job(jobId);
            String status = job.path("status").asText();
            String message = job.path("message").asText("");
            if (!message.equals(lastMessage)) {
                progress("  job %s %.0f%%: %s", status, job.path("progress").asDouble() * 100, message);
                lastMessage = message;
            }
            if (status.equals("succeeded")) {
                double seconds = (System.nanoTime() - began) / 1e9;
                progress("train job succeeded after %.1f s", seconds);
                result.put("train_seconds", round(seconds, 3));
                result.put("job_message", message);
                return jobId;
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("the train job failed: " + message);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the train job has not succeeded after " + trainMinutes
                        + " minutes (status " + status + ")");
            }
            QualityClient.sleep(Duration.ofMillis(200));
        }
    }

    /**
     * Waits until the champion in the registry answers on this instance: a recommendation names it and is not the
     * fallback. Returns the version; how long that took after the job succeeded is recorded, as the share of
     * fallback answers that a client asking at once would have had.
     */
    private String awaitLive(QualityClient client, QualitySplit split, int[] asked, Map<String, Object> result) {
        long succeeded = System.nanoTime();
        List<String[]> champions = client.champions();
        if (champions.isEmpty()) {
            throw new IllegalStateException("the train job succeeded but no model has a champion");
        }
        String[] champion = champions.stream().filter(c -> c[0].equals("two-stage")).findFirst()
                .orElse(champions.get(0));
        String probe = asked.length == 0 ? "bench-quality-probe" : split.userId(asked[0]);
        int probes = 0;
        QualityClient.Answer first = null;
        while (true) {
            QualityClient.Answer answer = client.recommend(probe, K);
            first = first == null ? answer : first;
            probes++;
            if (answer.status() == 200 && !answer.fallback()
                    && answer.modelVersion().filter(champion[1]::equals).isPresent()) {
                break;
            }
            if (System.nanoTime() - succeeded > LIVE_PATIENCE.toNanos()) {
                throw new IllegalStateException("champion " + champion[0] + " " + champion[1] + " does not answer "
                        + "on this instance " + LIVE_PATIENCE.toSeconds() + " s after the job succeeded; the last "
                        + "answer: status " + answer.status() + ", fallback " + answer.fallbackReason().orElse("-"));
            }
            QualityClient.sleep(Duration.ofMillis(50));
        }
        double lag = (System.nanoTime() - succeeded) / 1e6;
        boolean liveAtOnce = probes == 1;
        progress("champion %s %s answers%s", champion[0], champion[1], liveAtOnce
                ? " at once after the job succeeded"
                : String.format(Locale.ROOT, " %.0f ms after the job succeeded (first answer: fallback %s)", lag,
                        first.fallbackReason().orElse("-")));
        result.put("model", champion[0]);
        result.put("live_at_once", liveAtOnce);
        result.put("live_after_succeeded_ms", round(lag, 1));
        return champion[1];
    }

    /** Every asked user's recommendations, {@code concurrency} at a time, scored in user order. */
    private ServedQuality ask(QualityClient client, QualitySplit split, int[] asked) throws InterruptedException {
        progress("asking for the recommendations of %,d test users, %d at a time", asked.length, concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "tandem-bench-quality");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<QualityClient.Answer>> answers = new ArrayList<>(asked.length);
        try {
            for (int user : asked) {
                String id = split.userId(user);
                answers.add(pool.submit(() -> client.recommend(id, K)));
            }
            ServedQuality served = new ServedQuality(K, K, split.itemCount(), asked.length);
            for (int u = 0; u < asked.length; u++) {
                QualityClient.Answer answer;
                try {
                    answer = answers.get(u).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("asking failed: " + e.getCause().getMessage(), e.getCause());
                }
                int user = asked[u];
                int[] ranking = answer.items().stream().mapToInt(split::itemIndex).toArray();
                int seen = (int) Arrays.stream(ranking).filter(item -> split.seen(user, item)).count();
                served.add(answer, ranking, split.relevant(user), seen);
            }
            return served;
        } finally {
            pool.shutdownNow();
        }
    }

    private Offline awaited(Future<Offline> offline) throws InterruptedException {
        if (!offline.isDone()) {
            progress("waiting for the offline evaluation");
        }
        try {
            return offline.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the offline evaluation failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** {@code evaluate}'s report on the split and how long it took. */
    private record Offline(EvaluationReport report, double seconds) {

        /** Records every model's figures in {@code result}; returns the two-stage system's. */
        Map<String, Double> record(Map<String, Object> result) {
            Map<String, Object> models = new LinkedHashMap<>();
            Map<String, Double> twoStage = Map.of();
            for (ModelEvaluation model : report.models()) {
                models.put(model.name(), rounded(model.metrics()));
                if (model.name().equals("two-stage")) {
                    twoStage = model.metrics();
                }
            }
            result.put("offline_seconds", round(seconds, 3));
            result.put("offline_models", models);
            return twoStage;
        }
    }

    /** {@code evaluate}'s figures for the same split, computed in this process with the same settings. */
    private Offline offline(TandemServer server, QualitySplit split) {
        progress("offline: tandem evaluate on the same split (in the background)");
        long began = System.nanoTime();
        EvaluationReport report = server.useCase(EvaluateRecommendersUseCase.class).evaluate(
                new EvaluateRecommendersCommand(split.offline(), K, seed,
                        (model, f, total, metrics, seconds) -> progress("  offline %-10s ndcg@%d %.4f", model, K,
                                metrics.getOrDefault("ndcg@" + K, Double.NaN))));
        return new Offline(report, (System.nanoTime() - began) / 1e9);
    }

    private void record(QualitySplit split, ServedQuality served, Map<String, Double> offline,
                        Map<String, Object> result) {
        Map<String, Double> means = served.means();
        result.put("users", served.users());
        result.put("served", rounded(means));
        result.put("offline", rounded(offlineOf(means, offline)));
        result.put("ratio", rounded(ratios(means, offline)));
        result.put("already_seen_items", served.alreadySeenItems());
        result.put("already_seen_users", served.alreadySeenUsers());
        result.put("unknown_items", served.unknownItems());
        result.put("short_lists", served.shortLists());
        result.put("errors", served.errors());
        if (served.errors() > 0) {
            result.put("first_error", served.firstError());
        }
        result.put("fallbacks", served.fallbacks());
        result.put("fallback_share", round(served.fallbackShare(), 4));
        result.put("fallback_reasons", served.fallbackReasons());
        LatencyPercentiles latency = served.latency();
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("p50", round(latency.millis(50), 2));
        millis.put("p95", round(latency.millis(95), 2));
        millis.put("p99", round(latency.millis(99), 2));
        millis.put("max", round(latency.maxMillis(), 2));
        result.put("latency_ms", millis);
    }

    /** The served metrics that the offline report also has, in the served order. */
    private static Map<String, Double> offlineOf(Map<String, Double> served, Map<String, Double> offline) {
        Map<String, Double> same = new LinkedHashMap<>();
        served.keySet().forEach(name -> same.put(name, offline.getOrDefault(name, Double.NaN)));
        return same;
    }

    private static Map<String, Double> ratios(Map<String, Double> served, Map<String, Double> offline) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        served.forEach((name, value) -> {
            double reference = offline.getOrDefault(name, Double.NaN);
            ratios.put(name, reference > 0 ? value / reference : Double.NaN);
        });
        return ratios;
    }

    private void print(QualitySplit split, ServedQuality served, Map<String, Double> offline) {
        Map<String, Double> means = served.means();
        out.printf(Locale.ROOT, "%n%s: %,d users asked, metrics at %d%n", name(split), served.users(), K);
        out.printf(Locale.ROOT, "  %-14s %9s %9s %15s%n", "metric", "served", "offline", "served/offline");
        means.forEach((name, value) -> {
            double reference = offline.getOrDefault(name, Double.NaN);
            out.printf(Locale.ROOT, "  %-14s %9.4f %9.4f %15.3f%n", name, value, reference,
                    reference > 0 ? value / reference : Double.NaN);
        });
        LatencyPercentiles latency = served.latency();
        out.printf(Locale.ROOT, "  already seen: %d items for %d users; short lists: %d; unknown items: %d; "
                        + "errors: %d%n", served.alreadySeenItems(), served.alreadySeenUsers(), served.shortLists(),
                served.unknownItems(), served.errors());
        out.printf(Locale.ROOT, "  fallback: %.1f%% %s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n%n",
                served.fallbackShare() * 100, served.fallbackReasons(), latency.millis(50), latency.millis(95),
                latency.millis(99));
    }

    /** For example "ml-100k folds u1", or "ml-100k temporal" where the split is the whole protocol. */
    private static String name(QualitySplit split) {
        String name = split.dataset() + " " + split.protocol();
        return split.label().equals(split.protocol()) ? name : name + " " + split.label();
    }

    @SuppressWarnings("unchecked")
    private void printMean(List<Map<String, Object>> runs) {
        Map<String, Object> mean = mean(runs);
        Map<String, Double> served = (Map<String, Double>) mean.get("served");
        Map<String, Double> offline = (Map<String, Double>) mean.get("offline");
        out.printf(Locale.ROOT, "Mean over %d splits:%n  %-14s %9s %9s %15s%n", runs.size(), "metric", "served",
                "offline", "served/offline");
        served.forEach((name, value) -> out.printf(Locale.ROOT, "  %-14s %9.4f %9.4f %15.3f%n", name, value,
                offline.get(name), value / offline.get(name)));
    }

    /** The mean over runs of the served and offline metrics, and the sums of the counts. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mean(List<Map<String, Object>> runs) {
        Map<String, Object> mean = new LinkedHashMap<>();
        for (String part : List.of("served", "offline")) {
            Map<String, Double> sums = new LinkedHashMap<>();
            for (Map<String, Object> run : runs) {
                ((Map<String, Double>) run.get(part)).forEach((name, value) -> sums.merge(name, value, Double::sum));
            }
            sums.replaceAll((name, sum) -> round(sum / runs.size(), 4));
            mean.put(part, sums);
        }
        for (String count : List.of("already_seen_items", "already_seen_users", "short_lists", "errors",
                "fallbacks")) {
            mean.put(count + "_total", runs.stream().mapToInt(run -> (Integer) run.get(count)).sum());
        }
        return mean;
    }

    private int[] sample(int[] testUsers) {
        if (users == null || users >= testUsers.length) {
            return testUsers;
        }
        int[] shuffled = testUsers.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int[] chosen = Arrays.copyOf(shuffled, users);
        Arrays.sort(chosen);
        return chosen;
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
        BenchAdapters chosen = Arrays.stream(BenchAdapters.values())
                .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(adapters)).findFirst().orElse(null);
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

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - startedNanos) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    private static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((name, value) -> rounded.put(name, round(value, 4)));
        return rounded;
    }

    private static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a finished run for.
        }
    }
}
