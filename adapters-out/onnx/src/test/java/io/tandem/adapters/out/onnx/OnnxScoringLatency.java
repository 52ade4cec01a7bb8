package io.tandem.adapters.out.onnx;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ScoringModel;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Measures one scoring call of a 500-row batch on a 200-tree, depth-6 ensemble: wall-clock median and p99 and
 * the calling thread's CPU time, after warm-up, for the adapter (one and two threads per batch) and, for
 * comparison, a DJL {@code Predictor} on the same artifact and the in-Java walk of the same trees
 * ({@link TreeEnsemble#scores}). A benchmark, not a test: nothing is asserted.
 * With one tree of depth 1 the model costs next to nothing and what remains is each path's own overhead.
 *
 * <pre>java ... OnnxScoringLatency [rows=500] [features=40] [runs=5000] [trees=200] [depth=6]</pre>
 */
public final class OnnxScoringLatency {

    private OnnxScoringLatency() {
    }

    /** One way of scoring a batch, so every variant is timed by the same loop. */
    @FunctionalInterface
    private interface BatchScorer {
        float[] score(float[] features, int rows) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int trees = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int depth = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        TreeEnsemble ensemble = TreeEnsembleFixture.fullTrees(trees, depth, features, 1L);
        byte[] artifact = new OnnxRankerExportAdapter().export(ensemble, TreeEnsembleFixture.schema(features));
        float[] batch = new float[rows * features];
        Random random = new Random(2);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = random.nextDouble() < 0.05 ? Float.NaN : (float) random.nextGaussian();
        }
        System.out.printf("%d rows x %d features, %d trees of depth %d, %d KB artifact, %d cores%n", rows, features,
                trees, depth, artifact.length / 1024, Runtime.getRuntime().availableProcessors());

        long loadStarted = System.nanoTime();
        try (ScoringModel single = new DjlOnnxScoringAdapter().load(artifact, features);
             ScoringModel dual = new DjlOnnxScoringAdapter(2).load(artifact, features);
             Model djlModel = Model.newInstance("latency", Device.cpu(), "OnnxRuntime")) {
            System.out.printf("first load %.0f ms (engine start included)%n", (System.nanoTime() - loadStarted) / 1e6);
            djlModel.load(new ByteArrayInputStream(artifact),
                    Map.of("interOpNumThreads", "1", "intraOpNumThreads", "1"));
            try (Predictor<NDList, NDList> predictor = djlModel.newPredictor(new NoopTranslator())) {
                BatchScorer viaPredictor = (values, n) -> {
                    try (NDManager call = djlModel.getNDManager().newSubManager()) {
                        return predictor.predict(new NDList(call.create(values, new Shape(n, features))))
                                .get(0).toFloatArray();
                    }
                };
                for (int round = 1; round <= 2; round++) {
                    time("adapter, 1 thread/batch", single::score, batch, rows, runs);
                    time("adapter, 2 threads/batch", dual::score, batch, rows, runs);
                    time("DJL predictor, 1 thread", viaPredictor, batch, rows, runs);
                    time("in-Java tree walk", ensemble::scores, batch, rows, runs);
                }
            }
        }
    }

    private static void time(String name, BatchScorer scorer, float[] batch, int rows, int runs) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < runs / 2; warmUp++) {
            scorer.score(batch, rows);
        }
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int run = 0; run < runs; run++) {
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            scorer.score(batch, rows);
            wall[run] = System.nanoTime() - started;
            cpu[run] = threads.getCurrentThreadCpuTime() - cpuStarted;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-26s wall median %.3f ms, p99 %.3f ms; calling-thread CPU median %.3f ms%n", name,
                wall[runs / 2] / 1e6, wall[runs * 99 / 100] / 1e6, cpu[runs / 2] / 1e6);
    }
}
