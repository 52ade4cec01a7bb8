package io.tandem.adapters.out.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ScoringModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * What one 500-row ONNX call costs the calling thread, by the ranker's shape (trees × depth) and by the session
 * and export options that could make the same trees cheaper: graph optimisation level, memory pattern, and the
 * TreeEnsemble's missing-value tracking (ONNX Runtime walks a tree in a cheaper loop when no node sends a missing
 * value to its true branch). A benchmark, not a test: nothing is asserted; the figure is the median of the
 * calling thread's CPU time over {@code runs} calls after as many warm-up calls, printed twice.
 *
 * <pre>java ... RankerCostPerCall [rows=500] [features=30] [runs=3000]</pre>
 */
public final class RankerCostPerCall {

    /** The ranker bench serve trained at fc91e6a: 124 trees of depth 4 over five bags. */
    private static final int SERVED_TREES = 124;
    private static final int[][] SHAPES = {{1, 1}, {25, 4}, {50, 4}, {75, 4}, {100, 4}, {124, 4}, {200, 4},
        {50, 3}, {100, 3}, {124, 3}, {50, 5}, {124, 6}, {200, 6}, {500, 4}, {1000, 4}};

    private RankerCostPerCall() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        float[] batch = new float[rows * features];
        Random random = new Random(2);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = random.nextDouble() < 0.05 ? Float.NaN : (float) random.nextGaussian();
        }
        DjlOnnxScoringAdapter adapter = new DjlOnnxScoringAdapter();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        System.out.printf("%d rows x %d features, %d cores; calling-thread CPU per call, median (mean) of %d%n",
                rows, features, Runtime.getRuntime().availableProcessors(), runs);
        for (int round = 1; round <= 2; round++) {
            for (int[] shape : SHAPES) {
                TreeEnsemble ensemble = TreeEnsembleFixture.fullTrees(shape[0], shape[1], features, 1L);
                byte[] artifact = new OnnxRankerExportAdapter().export(ensemble, TreeEnsembleFixture.schema(features));
                try (ScoringModel model = adapter.load(artifact, features)) {
                    time(String.format("%3d trees depth %d (%3d KB)", shape[0], shape[1], artifact.length / 1024),
                            shape[0], model, batch, rows, runs);
                }
            }
            TreeEnsemble served = TreeEnsembleFixture.fullTrees(SERVED_TREES, 4, features, 1L);
            byte[] artifact = new OnnxRankerExportAdapter().export(served, TreeEnsembleFixture.schema(features));
            for (OrtSession.SessionOptions.OptLevel level : OrtSession.SessionOptions.OptLevel.values()) {
                OrtSession.SessionOptions options = sessionOptions();
                options.setOptimizationLevel(level);
                timeSession("124x4, optimisation " + level, environment, artifact, options, features, batch, rows,
                        runs);
            }
            OrtSession.SessionOptions noPattern = sessionOptions();
            noPattern.setMemoryPatternOptimization(false);
            noPattern.setCPUArenaAllocator(false);
            timeSession("124x4, no memory pattern/arena", environment, artifact, noPattern, features, batch, rows,
                    runs);
            timeSession("124x4, no missing tracks (cost only)", environment, withoutMissingTracks(artifact),
                    sessionOptions(), features, batch, rows, runs);
        }
    }

    private static OrtSession.SessionOptions sessionOptions() throws Exception {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        return options;
    }

    private static void timeSession(String name, OrtEnvironment environment, byte[] artifact,
                                    OrtSession.SessionOptions options, int features, float[] batch, int rows,
                                    int runs) throws Exception {
        try (ScoringModel model = new OnnxScoringModel(environment, environment.createSession(artifact, options),
                options, features)) {
            time(name, SERVED_TREES, model, batch, rows, runs);
        }
    }

    /** The same trees with every missing value sent to the false branch: different scores, the cheaper loop. */
    private static byte[] withoutMissingTracks(byte[] artifact) throws Exception {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(artifact);
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int n = 0; n < graph.getNodeCount(); n++) {
            OnnxMl.NodeProto.Builder node = graph.getNodeBuilder(n);
            for (OnnxMl.AttributeProto.Builder attribute : node.getAttributeBuilderList()) {
                if (attribute.getName().equals("nodes_missing_value_tracks_true")) {
                    int count = attribute.getIntsCount();
                    attribute.clearInts();
                    for (int i = 0; i < count; i++) {
                        attribute.addInts(0);
                    }
                }
            }
        }
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }

    private static void time(String name, int trees, ScoringModel model, float[] batch, int rows, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < runs; warmUp++) {
            model.score(batch, rows);
        }
        long[] cpu = new long[runs];
        long total = 0;
        for (int run = 0; run < runs; run++) {
            long started = threads.getCurrentThreadCpuTime();
            model.score(batch, rows);
            cpu[run] = threads.getCurrentThreadCpuTime() - started;
            total += cpu[run];
        }
        Arrays.sort(cpu);
        System.out.printf("%-40s CPU median %7.1f µs (mean %7.1f µs), %5.2f ns per row and tree%n", name,
                cpu[runs / 2] / 1e3, total / (double) runs / 1e3,
                cpu[runs / 2] / (double) rows / trees);
    }
}
