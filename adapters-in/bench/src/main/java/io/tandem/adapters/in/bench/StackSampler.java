package io.tandem.adapters.in.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads one thread's stack every millisecond while counting, and files each sample under the innermost stage
 * it recognises. Waiting on a guarded remote call (online store, catalog) shows as the guard's
 * {@code Future.get}; which call it is follows from the serving method that made it. Class names are matched
 * as text: should they change, samples fall to {@link Stage#OTHER}, visibly.
 */
final class StackSampler extends Thread {

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
