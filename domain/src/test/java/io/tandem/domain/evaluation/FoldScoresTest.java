package io.tandem.domain.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FoldScoresTest {

    @Test
    void averagesOverUsersThenModelRowsAverageOverFolds() {
        MetricSuite suite = MetricSuite.at(2);
        // Catalogue of 4 items. Fold 1: user A ranks [0, 1] with relevant {0}: precision@2 = 1/2;
        // user B ranks [2, 3] with relevant {3}: precision@2 = 1/2. Mean 0.5; coverage {0,1,2,3} = 4/4 = 1.
        FoldScores first = new FoldScores(suite, 4);
        first.add(suite.measure(new int[] {0, 1}, new float[] {2f, 1f, 0f, 0f}, RelevantItems.of(0)),
                new int[] {0, 1});
        first.add(suite.measure(new int[] {2, 3}, new float[] {0f, 0f, 2f, 1f}, RelevantItems.of(3)),
                new int[] {2, 3});
        // Fold 2: one user ranks [0, 1] with relevant {0, 1}: precision@2 = 1; coverage 2/4 = 0.5.
        FoldScores second = new FoldScores(suite, 4);
        second.add(suite.measure(new int[] {0, 1}, new float[] {2f, 1f, 0f, 0f}, RelevantItems.of(0, 1)),
                new int[] {0, 1});

        Map<String, Double> one = first.means();
        Map<String, Double> two = second.means();
        // Over folds: precision (0.5 + 1) / 2 = 0.75; coverage (1 + 0.5) / 2 = 0.75.
        ModelEvaluation row = ModelEvaluation.averageOf("m", List.of(one, two), 1.5);

        assertThat(one.get("precision@2")).isCloseTo(0.5, within(1e-12));
        assertThat(first.users()).isEqualTo(2);
        assertThat(row.metric("precision@2")).isCloseTo(0.75, within(1e-12));
        assertThat(row.metric("coverage")).isCloseTo(0.75, within(1e-12));
        assertThat(row.trainSeconds()).isEqualTo(1.5);
        assertThat(row.metrics().keySet()).containsExactly("precision@2", "recall@2", "ndcg@2", "map@2", "mrr@2",
                "hit_rate@2", "auc", "coverage");
    }
}
