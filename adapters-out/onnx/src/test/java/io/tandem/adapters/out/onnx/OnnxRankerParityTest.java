package io.tandem.adapters.out.onnx;

import static io.tandem.adapters.out.xgboost.RankingDatasetFixture.aRankingDataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.adapters.out.xgboost.RankingDatasetFixture;
import io.tandem.adapters.out.xgboost.XgboostReference;
import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ScoringModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One ranker, three scorers: XGBoost's own output margin, the neutral {@link TreeEnsemble#score} and ONNX
 * Runtime on the exported artifact must agree on rows the ranker never saw, missing values included.
 */
class OnnxRankerParityTest {

    private static final int FEATURES = 6;
    private static final double TOLERANCE = 1e-5;

    private static XgboostReference reference;
    private static ScoringModel onnx;

    @BeforeAll
    static void trainExportAndLoad() {
        RankingDataset training = aRankingDataset().seed(11).build();
        reference = XgboostReference.train(training, RankingDatasetFixture.empty(FEATURES),
                new RankerParameters(200, 6, 0.1, 1.0, 0, 42L));
        byte[] artifact = new OnnxRankerExportAdapter().export(reference.ensemble(), training.schema());
        onnx = new DjlOnnxScoringAdapter().load(artifact, FEATURES);
    }

    @AfterAll
    static void release() {
        onnx.close();
        reference.close();
    }

    @Test
    void allThreeScorersAgreeOnHeldOutRowsWithMissingValues() {
        RankingDataset heldOut = aRankingDataset().groups(50).missingShare(0.1).seed(12).build();

        assertAgree("held-out", heldOut.features(), heldOut.rows());
    }

    @Test
    void rowsSittingExactlyOnThresholdsGoTheSameWayEverywhere() {
        // Values equal to a split threshold, or one float ulp either side, are where a float/double slip shows.
        List<List<Float>> thresholds = thresholdsByFeature(reference.ensemble());
        Random random = new Random(13);
        int rows = 2_000;
        float[] features = new float[rows * FEATURES];
        for (int i = 0; i < features.length; i++) {
            List<Float> candidates = thresholds.get(i % FEATURES);
            float threshold = candidates.isEmpty() ? 0f : candidates.get(random.nextInt(candidates.size()));
            features[i] = switch (random.nextInt(3)) {
                case 0 -> threshold;
                case 1 -> Math.nextUp(threshold);
                default -> Math.nextDown(threshold);
            };
        }

        assertAgree("on-threshold", features, rows);
    }

    @Test
    void rowsWithEveryFeatureMissingFollowDefaultDirections() {
        float[] features = new float[3 * FEATURES];
        Arrays.fill(features, Float.NaN);

        float[] scores = assertAgree("all-missing", features, 3);
        assertThat(scores[1]).isEqualTo(scores[0]).isEqualTo(scores[2]);
    }

    private static float[] assertAgree(String label, float[] features, int rows) {
        float[] runtime = onnx.score(features, rows);
        float[] margins = reference.margins(features, rows);
        double onnxVsXgboost = 0;
        double onnxVsEnsemble = 0;
        double ensembleVsXgboost = 0;
        for (int r = 0; r < rows; r++) {
            double neutral = reference.ensemble().score(Arrays.copyOfRange(features, r * FEATURES, (r + 1) * FEATURES));
            onnxVsXgboost = Math.max(onnxVsXgboost, Math.abs(runtime[r] - margins[r]));
            onnxVsEnsemble = Math.max(onnxVsEnsemble, Math.abs(runtime[r] - neutral));
            ensembleVsXgboost = Math.max(ensembleVsXgboost, Math.abs(neutral - margins[r]));
        }
        System.out.printf("parity %s (%d rows, %d trees): max |onnx-xgboost| %.3g, |onnx-ensemble| %.3g,"
                        + " |ensemble-xgboost| %.3g%n", label, rows, reference.ensemble().trees().size(),
                onnxVsXgboost, onnxVsEnsemble, ensembleVsXgboost);
        assertThat(onnxVsXgboost).as("ONNX Runtime vs XGBoost margin").isLessThan(TOLERANCE);
        assertThat(onnxVsEnsemble).as("ONNX Runtime vs TreeEnsemble.score").isLessThan(TOLERANCE);
        assertThat(ensembleVsXgboost).as("TreeEnsemble.score vs XGBoost margin").isLessThan(TOLERANCE);
        return runtime;
    }

    private static List<List<Float>> thresholdsByFeature(TreeEnsemble ensemble) {
        List<List<Float>> byFeature = new ArrayList<>();
        for (int f = 0; f < ensemble.featureCount(); f++) {
            byFeature.add(new ArrayList<>());
        }
        for (TreeEnsemble.Tree tree : ensemble.trees()) {
            for (int node = 0; node < tree.size(); node++) {
                if (!tree.isLeaf(node)) {
                    byFeature.get(tree.feature()[node]).add(tree.threshold()[node]);
                }
            }
        }
        return byFeature;
    }
}
