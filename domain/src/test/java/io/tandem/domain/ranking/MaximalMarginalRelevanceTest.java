package io.tandem.domain.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MaximalMarginalRelevanceTest {

    /** Items 0-3 are comedies (category 0), items 4-5 dramas (category 1), item 6 both, item 7 none. */
    private static final int[][] CATEGORIES = {{0}, {0}, {0}, {0}, {1}, {1}, {0, 1}, {}};

    @Test
    void withoutLambdaTheScoreOrderStays() {
        float[] scores = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f};
        int[] items = {0, 1, 2, 4, 5};
        int[] order = ScoreOrder.highestFirst(scores);

        assertThat(MaximalMarginalRelevance.reorder(scores, order, items, CATEGORIES, 3, 0.0))
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aLambdaLiftsAnItemOfAnotherCategoryAboveMoreOfTheSame() {
        // Three comedies score highest, a drama just below them.
        float[] scores = {1.0f, 0.95f, 0.9f, 0.85f};
        int[] items = {0, 1, 2, 4};
        int[] order = ScoreOrder.highestFirst(scores);

        int[] diverse = MaximalMarginalRelevance.reorder(scores, order, items, CATEGORIES, 2, 0.5);

        // The best comedy keeps first place; the drama (no overlap) beats the second comedy (overlap 1).
        assertThat(diverse).containsExactly(0, 3, 1, 2);
    }

    @Test
    void onlyTheBestFourRowsPerPlaceCompeteAndTheRestKeepTheirOrder() {
        // Two places: a window of eight rows. Row 5 is the only drama inside it; rows 8 and 9, dramas too, lie
        // beyond it and stay where they are, though they would beat every comedy on diversity.
        float[] scores = {10f, 9f, 8f, 7f, 6f, 5f, 4f, 3f, 2f, 1f};
        int[] items = {0, 1, 2, 3, 0, 4, 1, 2, 5, 4};
        int[] order = ScoreOrder.highestFirst(scores);

        int[] diverse = MaximalMarginalRelevance.reorder(scores, order, items, CATEGORIES, 2, 0.9);

        assertThat(diverse).containsExactly(0, 5, 1, 2, 3, 4, 6, 7, 8, 9);
    }

    @Test
    void fewerThanTwoRowsAreReturnedAsTheyCame() {
        int[] order = {0};

        assertThat(MaximalMarginalRelevance.reorder(new float[] {1f}, order, new int[] {0}, CATEGORIES, 5, 0.7))
                .isSameAs(order);
    }

    @Test
    void overlapIsTheJaccardIndexOfTheCategoryLists() {
        assertThat(MaximalMarginalRelevance.jaccard(new int[] {0, 1}, new int[] {1, 2})).isCloseTo(1.0 / 3,
                within(1e-12));
        assertThat(MaximalMarginalRelevance.jaccard(new int[] {0}, new int[] {0})).isEqualTo(1.0);
        assertThat(MaximalMarginalRelevance.jaccard(new int[] {}, new int[] {0})).isZero();
    }
}
