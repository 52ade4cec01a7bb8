package io.tandem.domain.ranking;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreOrderTest {

    @Test
    void ordersRowsByScoreHighestFirstWithTiesInRowOrder() {
        float[] scores = {0.5f, 2f, -1f, 2f, 0f, -0f, Float.NEGATIVE_INFINITY, 0.5f};

        // -0 and 0 differ in their bits: -0 sorts just below 0, as Float.compare has it.
        assertThat(ScoreOrder.highestFirst(scores)).containsExactly(1, 3, 0, 7, 4, 5, 2, 6);
    }

    @Test
    void agreesWithAStableSortByFloatCompareOnRandomScores() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 50; round++) {
            float[] scores = new float[random.nextInt(1, 200)];
            for (int row = 0; row < scores.length; row++) {
                // Few distinct values, half of them negative: many ties, both signs.
                scores[row] = (random.nextInt(9) - 4) * 0.25f;
            }
            int[] expected = IntStream.range(0, scores.length).boxed()
                    .sorted(Comparator.comparing((Integer row) -> scores[row], Float::compare).reversed())
                    .mapToInt(Integer::intValue).toArray();

            assertThat(ScoreOrder.highestFirst(scores)).as("round %d", round).containsExactly(expected);
        }
    }

    @Test
    void theBestRowsAloneAreTheFullOrdersFirstRows() {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 200; round++) {
            float[] scores = new float[random.nextInt(0, 600)];
            for (int row = 0; row < scores.length; row++) {
                scores[row] = random.nextInt(4) == 0 ? (random.nextInt(5) - 2) * 0.5f
                        : random.nextInt(3) == 0 ? Float.NaN : (float) random.nextGaussian();
            }
            int[] full = ScoreOrder.highestFirst(scores);
            int limit = random.nextInt(0, 60);

            assertThat(ScoreOrder.highestFirst(scores, limit)).as("round %d", round)
                    .containsExactly(java.util.Arrays.copyOf(full, Math.min(limit, full.length)));
        }
    }

    @Test
    void noRowsGiveAnEmptyOrder() {
        assertThat(ScoreOrder.highestFirst(new float[0])).isEmpty();
    }
}
