package io.tandem.domain.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopItemsTest {

    @Test
    void picksTheBestScoresSkippingExcludedItemsAndBreakingTiesByIndex() {
        float[] scores = {0.5f, Float.NEGATIVE_INFINITY, 0.9f, 0.5f, Float.NaN, 0.7f};

        assertThat(TopItems.select(scores, 3)).containsExactly(2, 5, 0);
        assertThat(TopItems.select(scores, 10)).containsExactly(2, 5, 0, 3);
        assertThat(TopItems.select(scores, 0)).isEmpty();
    }

    @Test
    void agreesWithAFullSortOnRandomVectorsWithTiesAndExclusions() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            float[] scores = new float[n];
            for (int item = 0; item < n; item++) {
                int kind = random.nextInt(10);
                // Few distinct values, so ties are common (-0 ties with 0); some excluded items of both kinds.
                scores[item] = kind == 0 ? Float.NEGATIVE_INFINITY : kind == 1 ? Float.NaN : kind == 2 ? -0.0f
                        : kind == 3 ? Float.POSITIVE_INFINITY : random.nextInt(8) - 3;
            }
            int k = random.nextInt(n + 5);
            int[] expected = java.util.stream.IntStream.range(0, n)
                    .filter(item -> !Float.isNaN(scores[item]) && scores[item] != Float.NEGATIVE_INFINITY)
                    .boxed()
                    .sorted((a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(a, b))
                    .limit(k).mapToInt(Integer::intValue).toArray();

            assertThat(TopItems.select(scores, k)).as("round %d, k %d", round, k).containsExactly(expected);
        }
    }
}
