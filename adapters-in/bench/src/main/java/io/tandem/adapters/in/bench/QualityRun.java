package io.tandem.adapters.in.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersCommand;
import io.tandem.domain.evaluation.EvaluationReport;
import io.tandem.domain.evaluation.ModelEvaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * One split of {@code bench quality} on a fresh Tandem: the split replayed through the front door, a train job,
 * the champion waited for until it answers, every asked user's recommendations scored, and {@code evaluate}'s
 * offline figure for the same split computed in process beside it.
 */
final class QualityRun {

    static final int K = BenchQualityCommand.K;
    private static final Duration LIVE_PATIENCE = Duration.ofSeconds(60);

    private final BenchLauncher launcher;
    private final QualityOptions options;
    private final RunProgress progress;
    private final PrintStream out;

    QualityRun(BenchLauncher launcher, QualityOptions options, RunProgress progress, PrintStream out) {
        this.launcher = launcher;
        this.options = options;
        this.progress = progress;
        this.out = out;
    }

    /** One split on a fresh Tandem: replay, train, wait until live, ask, score, and compare with offline. */
    Map<String, Object> run(QualitySplit split, BenchAdapters chosen) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path scratch = Files.createTempDirectory("tandem-bench-quality-" + run);
        Map<String, Object> properties = chosen.properties(run, scratch);
        // The job and the offline figure train the same ranker only with the same seed.
        properties.put("tandem.training.seed", Long.toString(options.seed()));
        progress.line("%s on %s adapters (run %s): %,d items, %,d events to replay", QualityReport.name(split),
                chosen.label(), run, split.itemCount(), split.replayJson().size());
        Optional<PostgresSchema> schema = chosen.schema(properties, "tandem_quality_", run);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("split", split.label());
        result.put("dataset", split.dataset());
        result.put("protocol", split.protocol());
        ExecutorService background = BenchThreads.daemons(1, "tandem-bench-quality-offline");
        try (BenchServer server = launcher.startServer(properties)) {
            progress.line("Tandem serving on %s", server.url());
            // The offline figure needs no HTTP: it is computed while the split is replayed and trained, and is
            // waited for before the recommendations are asked for, so it never competes with their latency.
            Future<Offline> offline = background.submit(() -> offline(server.platform(), split));
            QualityClient client = new QualityClient(server.url(), Duration.ofMillis(options.timeoutMs()));
            new QualityReplay(options.via(), progress).replay(split, client, properties, result);
            String jobId = train(client, result);
            int[] asked = options.sample(split.testUsers());
            String champion = awaitLive(client, split, asked, result);
            result.put("job_id", jobId);
            result.put("model_version", champion);
            Map<String, Double> twoStage = awaited(offline).record(result);
            ServedQuality served = ask(client, split, asked);
            QualityReport.record(served, twoStage, result);
            QualityReport.print(split, served, twoStage, out);
        } finally {
            background.shutdownNow();
            schema.ifPresent(PostgresSchema::close);
            deleteQuietly(scratch);
        }
        if (chosen == BenchAdapters.PRODUCTION) {
            out.println(chosen.leftBehind(run));
        }
        return result;
    }

    /** {@code POST /v1/jobs} train, then {@code GET /v1/jobs/{id}} until it succeeded. */
    private String train(QualityClient client, Map<String, Object> result) {
        long began = System.nanoTime();
        String jobId = client.startTraining();
        progress.line("train job %s queued", jobId);
        long deadline = began + Duration.ofMinutes(options.trainMinutes()).toNanos();
        String lastMessage = "";
        while (true) {
            JsonNode job = client.job(jobId);
            String status = job.path("status").asText();
            String message = job.path("message").asText("");
            if (!message.equals(lastMessage)) {
                progress.line("  job %s %.0f%%: %s", status, job.path("progress").asDouble() * 100, message);
                lastMessage = message;
            }
            if (status.equals("succeeded")) {
                double seconds = (System.nanoTime() - began) / 1e9;
                progress.line("train job succeeded after %.1f s", seconds);
                result.put("train_seconds", Rounding.round(seconds, 3));
                result.put("job_message", message);
                return jobId;
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("the train job failed: " + message);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the train job has not succeeded after " + options.trainMinutes()
                        + " minutes (status " + status + ")");
            }
            BenchThreads.sleep(Duration.ofMillis(200));
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
            BenchThreads.sleep(Duration.ofMillis(50));
        }
        double lag = (System.nanoTime() - succeeded) / 1e6;
        boolean liveAtOnce = probes == 1;
        progress.line("champion %s %s answers%s", champion[0], champion[1], liveAtOnce
                ? " at once after the job succeeded"
                : String.format(Locale.ROOT, " %.0f ms after the job succeeded (first answer: fallback %s)", lag,
                        first.fallbackReason().orElse("-")));
        result.put("model", champion[0]);
        result.put("live_at_once", liveAtOnce);
        result.put("live_after_succeeded_ms", Rounding.round(lag, 1));
        return champion[1];
    }

    /** Every asked user's recommendations, {@code concurrency} at a time, scored in user order. */
    private ServedQuality ask(QualityClient client, QualitySplit split, int[] asked) throws InterruptedException {
        progress.line("asking for the recommendations of %,d test users, %d at a time", asked.length,
                options.concurrency());
        ExecutorService pool = BenchThreads.daemons(options.concurrency(), "tandem-bench-quality");
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
            progress.line("waiting for the offline evaluation");
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
                models.put(model.name(), Rounding.rounded(model.metrics()));
                if (model.name().equals("two-stage")) {
                    twoStage = model.metrics();
                }
            }
            result.put("offline_seconds", Rounding.round(seconds, 3));
            result.put("offline_models", models);
            return twoStage;
        }
    }

    /** {@code evaluate}'s figures for the same split, computed in this process with the same settings. */
    private Offline offline(BenchPlatform platform, QualitySplit split) {
        progress.line("offline: tandem evaluate on the same split (in the background)");
        long began = System.nanoTime();
        EvaluationReport report = platform.evaluateRecommenders().evaluate(
                new EvaluateRecommendersCommand(split.offline(), K, options.seed(),
                        (model, f, total, metrics, seconds) -> progress.line("  offline %-10s ndcg@%d %.4f", model, K,
                                metrics.getOrDefault("ndcg@" + K, Double.NaN))));
        return new Offline(report, (System.nanoTime() - began) / 1e9);
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
