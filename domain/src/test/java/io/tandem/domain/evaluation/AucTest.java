package io.tandem.domain.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AucTest {

    private static final float SEEN = Float.NEGATIVE_INFINITY;

    @Test
    void countsCorrectlyOrderedPairsOverUnseenItems() {
        // Items 0..5 scored [0.9, 0.8, 0.7, 0.6, seen, 0.1]; relevant {1, 3}.
        // Negatives (unseen, not relevant): 0 (0.9), 2 (0.7), 5 (0.1) -> 3 of them.
        // Item 1 (0.8) beats 2 and 5 -> 2 wins; item 3 (0.6) beats 5 -> 1 win. AUC = 3 / (2 * 3) = 0.5.
        float[] scores = {0.9f, 0.8f, 0.7f, 0.6f, SEEN, 0.1f};

        assertThat(Auc.of(scores, RelevantItems.of(1, 3))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void tiesCountHalf() {
        // Relevant {0} at 0.5; negatives 1 (0.5, a tie -> 0.5) and 2 (0.2, a win -> 1): 1.5 / 2 = 0.75.
        assertThat(Auc.of(new float[] {0.5f, 0.5f, 0.2f}, RelevantItems.of(0))).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aPerfectScoringIsOneAndAReversedOneIsZero() {
        assertThat(Auc.of(new float[] {3f, 2f, 1f}, RelevantItems.of(0))).isEqualTo(1.0);
        assertThat(Auc.of(new float[] {1f, 2f, 3f}, RelevantItems.of(0))).isEqualTo(0.0);
    }

    @Test
    void withNothingToCompareWithItIsHalf() {
        assertThat(Auc.of(new float[] {1f, SEEN}, RelevantItems.of(0))).isEqualTo(0.5);
    }

    @Test
    void countingAndSortingGiveTheSameValueToTheLastBit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(400);
            float[] scores = new float[n];
            for (int item = 0; item < n; item++) {
                // Coarse values make ties common; some items are seen, a few NaN.
                double u = random.nextDouble();
                scores[item] = u < 0.1 ? SEEN : u < 0.12 ? Float.NaN : random.nextInt(20) / 4f;
            }
            int r = 1 + random.nextInt(Math.min(n, Auc.COUNTED_POSITIVES * 2));
            int[] relevant = random.ints(r, 0, n + 3).distinct().sorted().toArray();
            RelevantItems items = RelevantItems.of(relevant);

            assertThat(Auc.counted(scores, items)).isEqualTo(Auc.sorted(scores, items));
            assertThat(Auc.of(scores, items)).isEqualTo(Auc.sorted(scores, items));
        }
    }
}
