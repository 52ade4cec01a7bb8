package io.tandem.adapters.out.xgboost;

import static io.tandem.adapters.out.xgboost.RankingDatasetFixture.aRankingDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

class XgboostRankerAdapterTest {

    private static final int FEATURES = 6;
    private final XgboostRankerAdapter adapter = new XgboostRankerAdapter();

    @Test
    void ensembleScoresEqualBoosterMarginsOnHeldOutRowsWithMissingValues() {
        RankingDataset training = aRankingDataset().seed(1).build();
        RankingDataset heldOut = aRankingDataset().groups(50).missingShare(0.1).seed(2).build();
        RankerParameters parameters = new RankerParameters(80, 6, 0.1, 1.0, 0, 42L);

        try (XgboostReference reference = XgboostReference.train(training, RankingDatasetFixture.empty(FEATURES),
                parameters)) {
            TreeEnsemble ensemble = reference.ensemble();
            float[] margins = reference.margins(heldOut.features(), heldOut.rows());

            assertThat(ensemble.trees()).hasSize(80);
            assertThat(ensemble.featureCount()).isEqualTo(FEATURES);
            assertThat(countMissing(heldOut.features())).isGreaterThan(100);
            assertThat(maxAbsDifference(ensemble, heldOut, margins)).isLessThan(1e-5);
            // Rows with a missing value must really reach default branches, not pass by luck.
            assertThat(defaultDirections(ensemble)).containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void trainedRankerBeatsRandomOrderOnHeldOutGroups() {
        RankingDataset training = aRankingDataset().seed(3).build();
        RankingDataset heldOut = aRankingDataset().groups(100).seed(4).build();

        TreeEnsemble ensemble = adapter.train(training, RankingDatasetFixture.empty(FEATURES),
                new RankerParameters(50, 4, 0.1, 1.0, 0, 42L));

        double trained = Ndcg.mean(scores(ensemble, heldOut), heldOut.labels(), heldOut.groupSizes(), 10);
        float[] randomScores = new float[heldOut.rows()];
        Random random = new Random(5);
        for (int r = 0; r < randomScores.length; r++) {
            randomScores[r] = random.nextFloat();
        }
        double randomOrder = Ndcg.mean(randomScores, heldOut.labels(), heldOut.groupSizes(), 10);
        assertThat(trained).isGreaterThan(0.8).isGreaterThan(randomOrder + 0.3);
    }

    @Test
    void earlyStoppingKeepsTheBestRoundsAndStillMatchesTheBooster() {
        RankingDataset training = aRankingDataset().groups(60).noise(1.5).seed(6).build();
        RankingDataset validation = aRankingDataset().groups(60).noise(1.5).seed(7).build();
        RankingDataset heldOut = aRankingDataset().groups(20).seed(8).build();

        try (XgboostReference reference = XgboostReference.train(training, validation,
                new RankerParameters(500, 6, 0.3, 1.0, 5, 42L))) {
            assertThat(reference.rounds()).isLessThan(500);
            assertThat(reference.ensemble().trees()).hasSize(reference.rounds());
            float[] margins = reference.margins(heldOut.features(), heldOut.rows());
            assertThat(maxAbsDifference(reference.ensemble(), heldOut, margins)).isLessThan(1e-5);
        }
    }

    @Test
    void trainsWithGradedLabelsBeyondTheExponentialGainRange() {
        RankingDataset graded = aRankingDataset().groups(40).seed(9).build();
        float[] labels = graded.labels().clone();
        for (int r = 0; r < labels.length; r++) {
            labels[r] = labels[r] * 12.5f;
        }
        RankingDataset scaled = new RankingDataset(graded.schema(), graded.features(), labels, graded.groupSizes());

        TreeEnsemble ensemble = adapter.train(scaled, RankingDatasetFixture.empty(FEATURES),
                new RankerParameters(20, 3, 0.1, 1.0, 0, 42L));

        assertThat(ensemble.trees()).hasSize(20);
    }

    @Test
    void sameSeedTrainsTheSameRanker() {
        RankingDataset training = aRankingDataset().groups(50).seed(10).build();
        RankerParameters parameters = new RankerParameters(30, 4, 0.1, 1.0, 0, 7L);

        float[] first = scores(adapter.train(training, RankingDatasetFixture.empty(FEATURES), parameters), training);
        float[] second = scores(adapter.train(training, RankingDatasetFixture.empty(FEATURES), parameters), training);

        assertThat(second).containsExactly(first);
    }

    @Test
    void refusesAValidationSetWithAnotherSchema() {
        RankingDataset training = aRankingDataset().groups(5).build();
        RankingDataset other = new RankingDataset(new FeatureSchema("other", List.of("a", "b", "c", "d", "e", "f")),
                new float[0], new float[0], new int[0]);

        assertThatThrownBy(() -> adapter.train(training, other, RankerParameters.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("validation"));
    }

    @Test
    void refusesNegativeLabelsAndEmptyTrainingData() {
        RankingDataset training = aRankingDataset().groups(5).build();
        float[] labels = training.labels().clone();
        labels[3] = -1;
        RankingDataset negative = new RankingDataset(training.schema(), training.features(), labels,
                training.groupSizes());

        assertThatThrownBy(() -> adapter.train(negative, RankingDatasetFixture.empty(FEATURES),
                RankerParameters.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("training.labels"));
        assertThatThrownBy(() -> adapter.train(RankingDatasetFixture.empty(FEATURES),
                RankingDatasetFixture.empty(FEATURES), RankerParameters.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("training"));
    }

    private static float[] scores(TreeEnsemble ensemble, RankingDataset dataset) {
        float[] scores = new float[dataset.rows()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = (float) ensemble.score(row(dataset, r));
        }
        return scores;
    }

    private static double maxAbsDifference(TreeEnsemble ensemble, RankingDataset dataset, float[] margins) {
        double max = 0;
        for (int r = 0; r < dataset.rows(); r++) {
            max = Math.max(max, Math.abs(ensemble.score(row(dataset, r)) - margins[r]));
        }
        return max;
    }

    private static float[] row(RankingDataset dataset, int r) {
        int width = dataset.schema().size();
        return Arrays.copyOfRange(dataset.features(), r * width, (r + 1) * width);
    }

    private static long countMissing(float[] values) {
        long missing = 0;
        for (float value : values) {
            if (Float.isNaN(value)) {
                missing++;
            }
        }
        return missing;
    }

    private static Set<Boolean> defaultDirections(TreeEnsemble ensemble) {
        Set<Boolean> directions = new HashSet<>();
        for (TreeEnsemble.Tree tree : ensemble.trees()) {
            for (int node = 0; node < tree.size(); node++) {
                if (!tree.isLeaf(node) && (tree.feature()[node] == 0 || tree.feature()[node] == 3)) {
                    directions.add(tree.defaultLeft()[node]);
                }
            }
        }
        return directions;
    }
}
