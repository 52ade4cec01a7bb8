package io.tandem.adapters.out.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.util.Utils;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ScoringModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

class DjlOnnxScoringAdapterTest {

    private static final int FEATURES = 20;
    private static final TreeEnsemble ENSEMBLE = TreeEnsembleFixture.fullTrees(50, 6, FEATURES, 21L);
    private static final byte[] ARTIFACT = new OnnxRankerExportAdapter().export(ENSEMBLE,
            TreeEnsembleFixture.schema(FEATURES));

    private final DjlOnnxScoringAdapter adapter = new DjlOnnxScoringAdapter();

    @Test
    void scoresA500RowBatchInOneCallLikeTheEnsemble() {
        float[] features = randomRows(500, 31L, 0.05);

        try (ScoringModel model = adapter.load(ARTIFACT, FEATURES)) {
            float[] scores = model.score(features, 500);

            assertThat(model.featureCount()).isEqualTo(FEATURES);
            assertThat(scores).hasSize(500);
            for (int r = 0; r < 500; r++) {
                assertThat((double) scores[r]).isCloseTo(ENSEMBLE.score(row(features, r)),
                        offset(1e-5));
            }
            // A batch is scored row by row: its answer must not depend on the company a row keeps.
            assertThat(model.score(row(features, 123), 1)[0]).isEqualTo(scores[123]);
        }
    }

    /** A thread keeps its scoring buffers between calls and across models: nothing of an earlier batch may leak. */
    @Test
    void aSmallerBatchAfterALargerOneOnTheSameThreadScoresOnlyItsOwnRows() {
        float[] large = randomRows(700, 51L, 0.05);
        float[] small = randomRows(3, 52L, 0.5);
        TreeEnsemble other = TreeEnsembleFixture.fullTrees(5, 3, FEATURES, 53L);
        try (ScoringModel model = adapter.load(ARTIFACT, FEATURES);
             ScoringModel next = adapter.load(new OnnxRankerExportAdapter().export(other,
                     TreeEnsembleFixture.schema(FEATURES)), FEATURES)) {
            model.score(large, 700);
            float[] scores = model.score(small, 3);
            float[] nextScores = next.score(small, 3);

            assertThat(scores).hasSize(3);
            assertThat(nextScores).hasSize(3);
            for (int r = 0; r < 3; r++) {
                assertThat((double) scores[r]).isCloseTo(ENSEMBLE.score(row(small, r)), offset(1e-5));
                assertThat((double) nextScores[r]).isCloseTo(other.score(row(small, r)), offset(1e-5));
            }
        }
    }

    @Test
    void scoresConcurrentlyFromSeveralThreadsWithoutMixingBatches() throws Exception {
        int threads = 8;
        int callsPerThread = 40;
        try (ScoringModel model = adapter.load(ARTIFACT, FEATURES)) {
            List<float[]> batches = new ArrayList<>();
            List<float[]> expected = new ArrayList<>();
            for (int b = 0; b < threads; b++) {
                float[] batch = randomRows(100 + 50 * b, 40L + b, 0.05);
                batches.add(batch);
                expected.add(model.score(batch, batch.length / FEATURES));
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Callable<Integer>> callers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    callers.add(() -> {
                        for (int call = 0; call < callsPerThread; call++) {
                            int b = (first + call) % threads;
                            float[] scores = model.score(batches.get(b), batches.get(b).length / FEATURES);
                            assertThat(scores).containsExactly(expected.get(b));
                        }
                        return callsPerThread;
                    });
                }
                int calls = 0;
                for (Future<Integer> done : pool.invokeAll(callers, 60, TimeUnit.SECONDS)) {
                    calls += done.get();
                }
                assertThat(calls).isEqualTo(threads * callsPerThread);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void refusesACorruptArtifactNamingTheField() {
        byte[] truncated = Arrays.copyOf(ARTIFACT, ARTIFACT.length / 2);
        byte[] garbage = new byte[4096];
        new Random(5).nextBytes(garbage);

        for (byte[] corrupt : List.of(truncated, garbage, new byte[0])) {
            assertThatThrownBy(() -> adapter.load(corrupt, FEATURES))
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("model.artifact"));
        }
    }

    @Test
    void aRefusalSaysWhatIsWrongWithoutTheRuntimesSourcePathsOrSignatures() {
        // Cut at many places: ONNX Runtime fails in its parser, graph checks or tree kernel, and several of its
        // messages start with a path into its sources and a C++ signature.
        for (int cut = 1; cut < ARTIFACT.length; cut += ARTIFACT.length / 40) {
            byte[] truncated = Arrays.copyOf(ARTIFACT, cut);
            assertThatThrownBy(() -> adapter.load(truncated, FEATURES).close()).as("cut at %d bytes", cut)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("model.artifact");
                        assertThat(e.reason()).matches("is not a loadable ONNX model \\(ORT_[A-Z_]+\\)");
                    });
        }
    }

    @Test
    void refusesAnArtifactOfAnotherWidth() {
        assertThatThrownBy(() -> adapter.load(ARTIFACT, FEATURES + 1))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("model.artifact");
                    assertThat(e.reason()).isEqualTo("expects 20 features per row, the schema has 21");
                });
    }

    @Test
    void refusesAFeatureArrayThatIsNotRowsTimesWidth() {
        try (ScoringModel model = adapter.load(ARTIFACT, FEATURES)) {
            assertThatThrownBy(() -> model.score(new float[FEATURES * 2 + 1], 2))
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("features"));
            assertThat(model.score(new float[0], 0)).isEmpty();
        }
    }

    @Test
    void aClosedModelRefusesToScore() {
        ScoringModel model = adapter.load(ARTIFACT, FEATURES);
        model.close();
        model.close();

        assertThatThrownBy(() -> model.score(new float[FEATURES], 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loadingAndScoringWriteNothingToDjlsCacheFolder() throws Exception {
        Path cache = Utils.getCacheDir();
        List<Path> before = listing(cache);

        try (ScoringModel model = new DjlOnnxScoringAdapter(2).load(ARTIFACT, FEATURES)) {
            model.score(randomRows(10, 3L, 0), 10);
        }

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(Utils.isOfflineMode()).isTrue();
        assertThat(listing(cache)).isEqualTo(before);
    }

    private static List<Path> listing(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.sorted().toList();
        }
    }

    private static float[] randomRows(int rows, long seed, double missingShare) {
        Random random = new Random(seed);
        float[] features = new float[rows * FEATURES];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextDouble() < missingShare ? Float.NaN : (float) random.nextGaussian();
        }
        return features;
    }

    private static float[] row(float[] features, int r) {
        return Arrays.copyOfRange(features, r * FEATURES, (r + 1) * FEATURES);
    }
}
