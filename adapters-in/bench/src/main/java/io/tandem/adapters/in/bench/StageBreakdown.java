package io.tandem.adapters.in.bench;

import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.recommendation.Recommendation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a request's time goes, measured in-process on one thread with nothing else asking. The whole use case is
 * timed per request; the remote reads (online store, newest items, catalog) and the ranker are timed by calling
 * the same ports directly with the inputs that request had (its candidate ids and exact feature rows); and a
 * sampler reads the serving thread's stack every millisecond to split the use case's time between its stages,
 * including the in-process ones (candidate generation, feature rows) that no public piece exposes. A direct call
 * that fails (a dependency timing out under its serving timeout) is reported for its stage and left out of its
 * times; the breakdown goes on.
 */
final class StageBreakdown {

    /** The piece timed besides the stages: the same request over HTTP. */
    static final String HTTP_ROUND_TRIP = "HTTP round trip";

    /** What the breakdown calls: the use case, and the request path's outbound ports alone. */
    record Ports(RecommendItemsUseCase recommend, RequestPathPorts requestPath) {

        Ports {
            Objects.requireNonNull(recommend, "recommend");
            Objects.requireNonNull(requestPath, "requestPath");
        }

        static Ports of(BenchPlatform platform) {
            return new Ports(platform.recommendItems(), platform.requestPath());
        }
    }

    /** A timed piece: mean, median and 99th percentile in milliseconds. */
    record Timing(double meanMs, double p50Ms, double p99Ms) {

        static Timing of(long[] nanos) {
            LatencyPercentiles percentiles = new LatencyPercentiles(nanos, nanos.length);
            return new Timing(percentiles.meanMillis(), percentiles.millis(50), percentiles.millis(99));
        }
    }

    /** The calls of one piece that failed, and the first one's message. */
    record Failures(int count, String first) {
    }

    /**
     * What was measured.
     *
     * @param fallbacks  timed requests the fallback answered, by reason; they are left out of {@code total} and
     *                   of the samples (the use case skipped stages)
     * @param total      the whole use case, in-process, when the model answered
     * @param direct     the ports called directly, by stage (online store, catalog, scoring)
     * @param failures   the direct calls and round trips that failed, by stage label or {@link #HTTP_ROUND_TRIP};
     *                   only pieces with a failure are present
     * @param scoringAt  the ranker on {@code scoringRows} rows at once
     * @param roundTrip  the same request over HTTP, one at a time (the HTTP layer's share is the difference)
     * @param shares     the sampled share of the use case's time, by stage
     * @param rankerBytes the size of the ranker's ONNX artifact
     */
    record Result(int requests, Map<String, Integer> fallbacks, Timing total, Map<Stage, Timing> direct,
                  Map<String, Failures> failures, int scoringRows, Timing scoringAt, Timing roundTrip,
                  Map<Stage, Double> shares, int samples, int rankerBytes) {
    }

    /** One recommendation request over HTTP, answered before it returns. */
    @FunctionalInterface
    interface HttpRequester {
        void get(String user, int count);
    }

    private StageBreakdown() {
    }

    static Result measure(Ports ports, ServedCandidates candidates, int requests, int count, int scoringRows,
                          HttpRequester http) {
        RecommendItemsUseCase recommend = ports.recommend();
        RequestPathPorts path = ports.requestPath();
        byte[] artifact = path.modelArtifacts().load(candidates.version().artifactUri());
        float[] wide = candidates.rowsOf(scoringRows);
        List<ServedCandidates.UserCandidates> users = candidates.users();
        try (ScoringModel ranker = path.scoringModels().load(artifact, candidates.featureCount())) {
            // Warm-up: the JIT, the connection pools and ONNX Runtime's first calls are not what is measured.
            for (int r = 0; r < Math.max(200, requests / 5); r++) {
                ServedCandidates.UserCandidates user = users.get(r % users.size());
                recommend.recommend(new RecommendItemsQuery(user.user(), count, Optional.empty(), Set.of()));
                ranker.score(wide, scoringRows);
            }
            long[] total = new long[requests];
            Map<Stage, TimedCalls> direct = new EnumMap<>(Stage.class);
            for (Stage stage : List.of(Stage.ONLINE_STORE, Stage.CATALOG, Stage.SCORING)) {
                direct.put(stage, new TimedCalls(requests));
            }
            TimedCalls scoringWide = new TimedCalls(requests);
            TimedCalls roundTrips = new TimedCalls(requests);
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
                    direct.get(Stage.ONLINE_STORE).time(() -> path.userState().userState(user.user(),
                            path.historyLimit()));
                    direct.get(Stage.CATALOG).time(() -> {
                        path.newestItems().newestItems(Optional.empty(), path.freshItems());
                        path.items().loadItems(user.items());
                    });
                    direct.get(Stage.SCORING).time(() -> {
                        if (user.count() > 0) {
                            ranker.score(user.rows(), user.count());
                        }
                    });
                    scoringWide.time(() -> ranker.score(wide, scoringRows));
                    roundTrips.time(() -> http.get(user.user().value(), count));
                }
            } finally {
                sampler.stopSampling();
            }
            Map<Stage, Timing> timings = new EnumMap<>(Stage.class);
            Map<String, Failures> failures = new LinkedHashMap<>();
            direct.forEach((stage, calls) -> {
                timings.put(stage, calls.timing());
                failed(failures, stage.label, calls);
            });
            failed(failures, "ONNX scoring of " + scoringRows + " rows", scoringWide);
            failed(failures, HTTP_ROUND_TRIP, roundTrips);
            return new Result(requests, fallbacks, Timing.of(Arrays.copyOf(total, modelled)), timings, failures,
                    scoringRows, scoringWide.timing(), roundTrips.timing(), sampler.shares(), sampler.samples(),
                    artifact.length);
        }
    }

    private static void failed(Map<String, Failures> failures, String piece, TimedCalls calls) {
        if (calls.failures().count() > 0) {
            failures.put(piece, calls.failures());
        }
    }
}
