package io.tandem.domain.evaluation;

import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FullRankingTest {

    /** The same order for everyone: item 0 first, then 1, then 2. */
    private static final RetrievalModel FIXED = new RetrievalModel() {
        @Override
        public int itemCount() {
            return 3;
        }

        @Override
        public void score(UserHistory history, float[] scores) {
            scores[0] = 3;
            scores[1] = 2;
            scores[2] = 1;
        }
    };

    @Test
    void ranksOnlyUnseenItemsAndJudgesOnlyUnseenTestItems() {
        // User 0 saw item 0 in training, so item 1 tops its ranking: a hit. User 1 saw item 1 in training, so
        // only item 2 of its test items counts, and item 0 tops its ranking: a miss. User 2's only test item was
        // seen in training: it has nothing to find and is left out of the mean rather than counted as a miss.
        InteractionMatrix train = matrix(new int[] {0, 1, 2}, new int[] {0, 1, 0});
        InteractionMatrix test = matrix(new int[] {0, 1, 1, 2}, new int[] {1, 1, 2, 0});

        Map<String, Double> means = FullRanking.measure(FIXED, train, test, MetricSuite.at(1));

        assertThat(means.get("precision@1")).isCloseTo(0.5, within(1e-12));
        assertThat(means.get("hit_rate@1")).isCloseTo(0.5, within(1e-12));
    }

    private static InteractionMatrix matrix(int[] users, int[] items) {
        float[] values = new float[users.length];
        Arrays.fill(values, 1f);
        return InteractionMatrix.of(new InteractionLog(3, 3, users, items, values, new long[users.length]));
    }
}
