package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TreeEnsembleTest {

    @Test
    void anAverageScoresEveryRowAtTheMeanOfItsMembersScores() {
        TreeEnsemble first = new TreeEnsemble(2, 0.5, List.of(stump(0, 1f, -2f, 4f), stump(1, 0f, 1f, 3f)));
        TreeEnsemble second = new TreeEnsemble(2, -1.5, List.of(stump(1, 2f, 10f, -6f)));
        TreeEnsemble third = new TreeEnsemble(2, 0.0, List.of());

        TreeEnsemble average = TreeEnsemble.average(List.of(first, second, third));

        assertThat(average.trees()).hasSize(3);
        for (float[] row : List.of(new float[] {0f, -1f}, new float[] {2f, 5f}, new float[] {Float.NaN, 1f},
                new float[] {0.5f, Float.NaN})) {
            double expected = (first.score(row) + second.score(row) + third.score(row)) / 3;
            assertThat(average.score(row)).as("row %s", java.util.Arrays.toString(row))
                    .isCloseTo(expected, within(1e-6));
        }
        // The members are left as they were.
        assertThat(first.score(new float[] {2f, 5f})).isCloseTo(0.5 + 4 + 3, within(1e-12));
    }

    @Test
    void theAverageOfOneEnsembleIsThatEnsemble() {
        TreeEnsemble only = new TreeEnsemble(2, 0.25, List.of(stump(0, 1f, -2f, 4f)));

        assertThat(TreeEnsemble.average(List.of(only))).isSameAs(only);
    }

    @Test
    void membersMustAgreeOnTheFeaturesAndBeThere() {
        TreeEnsemble two = new TreeEnsemble(2, 0.0, List.of(stump(0, 1f, -2f, 4f)));
        TreeEnsemble three = new TreeEnsemble(3, 0.0, List.of(stump(2, 1f, -2f, 4f)));

        assertThatThrownBy(() -> TreeEnsemble.average(List.of(two, three)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("members");
        assertThatThrownBy(() -> TreeEnsemble.average(List.of()))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("members");
    }

    @Test
    void rowsScoreInABatchAsOneByOneRoundedToFloat() {
        // Base 0.1 makes every score a double that float cannot hold exactly.
        TreeEnsemble ensemble = new TreeEnsemble(2, 0.1, List.of(stump(0, 1f, -2f, 4f), stump(1, 0f, 1f, 3f)));
        float[] features = {0f, -1f, 2f, 5f, Float.NaN, 1f};

        float[] scores = ensemble.scores(features, 3);

        assertThat(scores).containsExactly((float) ensemble.score(new float[] {0f, -1f}),
                (float) ensemble.score(new float[] {2f, 5f}), (float) ensemble.score(new float[] {Float.NaN, 1f}));
        assertThat(ensemble.scores(new float[0], 0)).isEmpty();
        assertThatThrownBy(() -> ensemble.scores(features, 2))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("features");
    }

    /** A one-split tree: {@code feature < threshold} (and NaN) scores {@code left}, the rest {@code right}. */
    private static TreeEnsemble.Tree stump(int feature, float threshold, float left, float right) {
        return new TreeEnsemble.Tree(new int[] {feature, 0, 0}, new float[] {threshold, 0f, 0f},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new boolean[] {true, false, false},
                new float[] {0f, left, right});
    }
}
