package io.tandem.adapters.in.cli.bench;

import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.serving.ServingSettings;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.recommendation.Recommendation;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a request's time goes, measured in-process on one thread with nothing else asking. The whole use case is
 * timed per request; the remote reads (online store, newest items, catalog) and the ranker are timed by calling
 * the same ports directly with the inputs that request had (its candidate ids and exact feature rows); and a
 * sampler reads the serving thread's stack every millisecond to split the use case's time between its stages,
 * including the in-process ones (candidate generation, feature rows) that no public piece exposes.
 */
final class StageBreakdown {

    /** The stages the sampler tells apart, in request order. */
    enum Stage {
        ONLINE_STORE("online-store read"),
        CANDIDATES("candidate generation"),
        CATALOG("catalog reads (newest + candidates)"),
        FEATURES("feature rows"),
        SCORING("ONNX scoring"),
        OTHER("filters, ordering, answer");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    /** A timed piece: mean, median and 99th percentile in milliseconds. */
    record Timing(double meanMs, double p50Ms, double p99Ms) {

        static Timing of(long[] nanos) {
            LatencyPercentiles percentiles = new LatencyPercentiles(nanos, nanos.length);
            return new Timing(percentiles.meanMillis(), percentiles.millis(50), percentiles.millis(99));
        }
    }

    /**
     * What was measured.
     *
     * @param fallbacks  timed requests the fallback answered, by reason; they are left out of {@code total} and
     *                   of the samples (the use case skipped stages)
     * @param total      the whole use case, in-process, when the model answered
     * @param direct     the ports called directly, by stage (online store, catalog, scoring)
     * @param scoringAt  the ranker on {@code scoringRows} rows at once
     * @param roundTrip  the same request over HTTP, one at a time (the HTTP layer's share is the difference)
     * @param shares     the sampled share of the use case's time, by stage
     * @param rankerBytes the size of the ranker's ONNX artifact
     */
    record Result(int requests, Map<String, Integer> fallbacks, Timing total, Map<Stage, Timing> direct,
                  int scoringRows, Timing scoringAt, Timing roundTrip, Map<Stage, Double> shares, int samples,
                  int rankerBytes) {
    }

    /** One recommendation request over HTTP, answered before it returns. */
    @FunctionalInterface
    interface HttpRequester {
        void get(String user, int count);
    }

    private StageBreakdown() {
    }

    static Result measure(TandemSession server, ServedCandidates candidates, int requests, int count, int scoringRows,
                          HttpRequester http) {
        RecommendItemsUseCase recommend = server.useCase(RecommendItemsUseCase.class);
        LoadUserStatePort userState = server.useCase(LoadUserStatePort.class);
        LoadNewestItemsPort newest = server.useCase(LoadNewestItemsPort.class);
        LoadItemsPort items = server.useCase(LoadItemsPort.class);
        ServingSettings settings = ServingSettings.defaults();
        byte[] artifact = server.useCase(LoadModelArtifactPort.class).load(candidates.version().artifactUri());
        float[] wide = candidates.rowsOf(scoringRows);
        List<ServedCandidates.UserCandidates> users = candidates.users();
        try (ScoringModel ranker = server.useCase(LoadScoringModelPort.class).load(artifact,
                candidates.featureCount())) {
            // Warm-up: the JIT, the connection pools and ONNX Runtime's first calls are not what is measured.
            for (int r = 0; r < Math.max(200, requests / 5); r++) {
                ServedCandidates.UserCandidates user = users.get(r % users.size());
                recommend.recommend(new RecommendItemsQuery(user.user(), count, Optional.empty(), Set.of()));
                ranker.score(wide, scoringRows);
            }
            long[] total = new long[requests];
            long[] online = new long[requests];
            long[] catalog = new long[requests];
            long[] scoring = new long[requests];
            long[] scoringWide = new long[requests];
            long[] roundTrips = new long[requests];
            int modelled = 0;
            Map<String, Integer> fallbacks = new TreeMap<>();
            StackSampler sampler = new StackSampler(Thread.currentThread());
            sampler.start();
            try {
                for (int r = 0; r < requests; r++) {
                    ServedCandidates.UserCandidates user = users.get(r % users.size());
                    sampler.counting(true);
                    long started = System.nanoTime();
                    Recommendation answer = recommend.recommend(new RecommendItemsQuery(user.user(), count,
                            Optional.empty(), Set.of()));
                    long took = System.nanoTime() - started;
                    // A fallback answer skipped stages: it would make the model path look faster than it is.
                    sampler.finish(!answer.fallback().used());
                    if (answer.fallback().used()) {
                        fallbacks.merge(answer.fallback().reason().orElse("unknown"), 1, Integer::sum);
                    } else {
                        total[modelled++] = took;
                    }
                    started = System.nanoTime();
                    userState.userState(user.user(), settings.historyLimit());
                    online[r] = System.nanoTime() - started;
                    started = System.nanoTime();
                    newest.newestItems(Optional.empty(), settings.freshItems());
                    items.loadItems(user.items());
                    catalog[r] = System.nanoTime() - started;
                    started = System.nanoTime();
                    if (user.count() > 0) {
                        ranker.score(user.rows(), user.count());
                    }
                    scoring[r] = System.nanoTime() - started;
                    started = System.nanoTime();
                    ranker.score(wide, scoringRows);
                    scoringWide[r] = System.nanoTime() - started;
                    started = System.nanoTime();
                    http.get(user.user().value(), count);
                    roundTrips[r] = System.nanoTime() - started;
                }
            } finally {
                sampler.stopSampling();
            }
            Map<Stage, Timing> direct = new EnumMap<>(Stage.class);
            direct.put(Stage.ONLINE_STORE, Timing.of(online));
            direct.put(Stage.CATALOG, Timing.of(catalog));
            direct.put(Stage.SCORING, Timing.of(scoring));
            return new Result(requests, fallbacks, Timing.of(Arrays.copyOf(total, modelled)), direct, scoringRows,
                    Timing.of(scoringWide), Timing.of(roundTrips), sampler.shares(), sampler.samples(),
                    artifact.length);
        }
    }

    static void print(Result result, double candidatesRanked, PrintStream out) {
        out.printf(Locale.ROOT, "Stage breakdown, in-process, one thread, %,d requests (%,d answered by the fallback "
                        + "and left out; %.0f candidates ranked on average; ranker artifact %,d bytes; %,d stack "
                        + "samples):%n", result.requests(), result.fallbacks().values().stream().mapToInt(n -> n).sum(),
                candidatesRanked, result.rankerBytes(), result.samples());
        result.fallbacks().forEach((reason, n) -> out.printf("  fallback: %,d x %s%n", n, reason));
        out.printf("  %-38s %10s %10s %10s %9s %12s%n", "stage", "mean ms", "p50 ms", "p99 ms", "sampled",
                "sampled ms");
        for (Stage stage : Stage.values()) {
            Timing timing = result.direct().get(stage);
            double share = result.shares().getOrDefault(stage, 0.0);
            out.printf(Locale.ROOT, "  %-38s %10s %10s %10s %8.1f%% %12.3f%n", stage.label,
                    timing == null ? "-" : format(timing.meanMs()), timing == null ? "-" : format(timing.p50Ms()),
                    timing == null ? "-" : format(timing.p99Ms()), share * 100, share * result.total().meanMs());
        }
        out.printf(Locale.ROOT, "  %-38s %10s %10s %10s%n", "whole use case (no HTTP)", format(result.total().meanMs()),
                format(result.total().p50Ms()), format(result.total().p99Ms()));
        out.printf(Locale.ROOT, "  %-38s %10s %10s %10s%n", "HTTP round trip, one at a time",
                format(result.roundTrip().meanMs()), format(result.roundTrip().p50Ms()),
                format(result.roundTrip().p99Ms()));
        out.printf(Locale.ROOT, "  %-38s %10s %10s %10s%n", "ONNX scoring of " + result.scoringRows() + " rows",
                format(result.scoringAt().meanMs()), format(result.scoringAt().p50Ms()),
                format(result.scoringAt().p99Ms()));
        out.println("  (direct: the port called alone with that request's inputs; sampled: share of the use case's "
                + "stack samples in the stage, times its mean)");
    }

    /** The stage breakdown as one JSON object. */
    static String toJson(Result result, double candidatesRanked) {
        StringBuilder json = new StringBuilder("{\"requests\":").append(result.requests())
                .append(",\"fallbacks\":").append(result.fallbacks().values().stream().mapToInt(n -> n).sum())
                .append(",\"ranker_bytes\":").append(result.rankerBytes())
                .append(",\"candidates_ranked\":").append(String.format(Locale.ROOT, "%.1f", candidatesRanked))
                .append(",\"total\":").append(json(result.total()))
                .append(",\"stages\":[");
        for (Stage stage : Stage.values()) {
            double share = result.shares().getOrDefault(stage, 0.0);
            json.append(stage.ordinal() == 0 ? "" : ",").append("{\"stage\":\"").append(stage.label).append('"')
                    .append(",\"direct\":").append(result.direct().containsKey(stage)
                            ? json(result.direct().get(stage)) : "null")
                    .append(String.format(Locale.ROOT, ",\"sampled_share\":%.4f,\"sampled_ms\":%.3f}", share,
                            share * result.total().meanMs()));
        }
        return json.append("],\"scoring_rows\":").append(result.scoringRows())
                .append(",\"scoring_at_rows\":").append(json(result.scoringAt()))
                .append(",\"http_one_at_a_time\":").append(json(result.roundTrip()))
                .append(",\"samples\":").append(result.samples()).append('}').toString();
    }

    private static String json(Timing timing) {
        return String.format(Locale.ROOT, "{\"mean_ms\":%.3f,\"p50_ms\":%.3f,\"p99_ms\":%.3f}", timing.meanMs(),
                timing.p50Ms(), timing.p99Ms());
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }

    /**
     * Reads one thread's stack every millisecond while counting, and files each sample under the innermost stage
     * it recognises. Waiting on a guarded remote call (online store, catalog) shows as the guard's
     * {@code Future.get}; which call it is follows from the serving method that made it. Class names are matched
     * as text: should they change, samples fall to {@link Stage#OTHER}, visibly.
     */
    static final class StackSampler extends Thread {

        private final Thread target;
        private final Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
        private final Map<Stage, Integer> pending = new EnumMap<>(Stage.class);
        private volatile boolean counting;
        private volatile boolean running = true;
        private int samples;

        StackSampler(Thread target) {
            super("tandem-bench-stack-sampler");
            this.target = target;
            setDaemon(true);
        }

        void counting(boolean on) {
            counting = on;
        }

        /** Ends one request: its samples count when {@code keep}, otherwise they are dropped. */
        void finish(boolean keep) {
            counting = false;
            synchronized (counts) {
                if (keep) {
                    pending.forEach((stage, n) -> {
                        counts.merge(stage, n, Integer::sum);
                        samples += n;
                    });
                }
                pending.clear();
            }
        }

        @Override
        public void run() {
            while (running) {
                if (counting) {
                    StackTraceElement[] stack = target.getStackTrace();
                    if (counting) {
                        classify(stack).ifPresent(stage -> {
                            synchronized (counts) {
                                pending.merge(stage, 1, Integer::sum);
                            }
                        });
                    }
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        void stopSampling() {
            running = false;
        }

        Map<Stage, Double> shares() {
            synchronized (counts) {
                Map<Stage, Double> shares = new EnumMap<>(Stage.class);
                counts.forEach((stage, n) -> shares.put(stage, samples == 0 ? 0.0 : (double) n / samples));
                return shares;
            }
        }

        int samples() {
            synchronized (counts) {
                return samples;
            }
        }

        /** The stage of one stack, innermost frame first; empty when the thread is not inside the use case. */
        static Optional<Stage> classify(StackTraceElement[] stack) {
            if (List.of(stack).stream().noneMatch(f -> f.getClassName().endsWith(".RecommendItemsService"))) {
                return Optional.empty();
            }
            for (int i = 0; i < stack.length; i++) {
                String name = stack[i].getClassName();
                if (name.contains("CandidateGenerator")) {
                    return Optional.of(Stage.CANDIDATES);
                }
                if (name.contains("RankingFeatures")) {
                    return Optional.of(Stage.FEATURES);
                }
                if (name.startsWith("ai.onnxruntime") || name.startsWith("ai.djl") || name.contains("Onnx")) {
                    return Optional.of(Stage.SCORING);
                }
                if (name.contains("DependencyGuard")) {
                    return Optional.of(guardedCall(stack, i));
                }
                if (name.endsWith(".RecommendItemsService") || name.endsWith(".RequestPipeline")) {
                    return Optional.of(Stage.OTHER);
                }
            }
            return Optional.of(Stage.OTHER);
        }

        /**
         * The ranker's guard is called from the served model; the request pipeline reads the user's state in
         * {@code userState} and the catalog in its other reads.
         */
        private static Stage guardedCall(StackTraceElement[] stack, int from) {
            for (int i = from; i < stack.length; i++) {
                if (stack[i].getClassName().endsWith(".ServingModel")) {
                    return Stage.SCORING;
                }
                if (stack[i].getClassName().endsWith(".RequestPipeline")) {
                    return stack[i].getMethodName().contains("userState") ? Stage.ONLINE_STORE : Stage.CATALOG;
                }
            }
            return Stage.OTHER;
        }
    }
}
