package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PopularityTrainerTest {

    private static final long DAY = 86_400L;

    /**
     * Item 0: two interactions two days before the newest one; item 1: one interaction at the newest moment;
     * item 2: one a day before it. User 3 has only item 2.
     */
    private static final InteractionMatrix MATRIX = Interactions.of(4, 3, List.of(
            new long[] {0, 0, 8 * DAY}, new long[] {1, 0, 8 * DAY}, new long[] {2, 1, 10 * DAY},
            new long[] {3, 2, 9 * DAY}));

    @Test
    void withoutDecayItCountsInteractions() {
        RetrievalModel model = new PopularityTrainer(PopularityParameters.mostPopular())
                .train(MATRIX, ItemFacets.none(3));

        assertThat(Interactions.scores(model, MATRIX, 0)).containsExactly(2f, 1f, 1f);
    }

    @Test
    void anInteractionOneHalfLifeOldCountsHalf() {
        // Half-life one day: item 0 = 2 * 2^-2 = 0.5, item 1 = 1, item 2 = 2^-1 = 0.5.
        RetrievalModel model = new PopularityTrainer(
                new PopularityParameters(1.0, PopularityParameters.Scope.GLOBAL)).train(MATRIX, ItemFacets.none(3));

        float[] scores = Interactions.scores(model, MATRIX, 0);

        assertThat(scores[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores[1]).isCloseTo(1f, within(1e-6f));
        assertThat(scores[2]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void perCategoryItFavoursTheUsersCategories() {
        // Items 0 and 1 are "drama", item 2 "comedy". User 3's history is all comedy (share 1): item 2 scores
        // 1 * (0.05 + 1) = 1.05, above item 0's 2 * (0.05 + 0) = 0.1, although item 0 is more popular overall.
        ItemFacets facets = new ItemFacets(List.of("comedy", "drama"), new int[][] {{1}, {1}, {0}},
                new long[] {0, 0, 0});
        RetrievalModel model = new PopularityTrainer(new PopularityParameters(Double.POSITIVE_INFINITY,
                PopularityParameters.Scope.USER_CATEGORIES)).train(MATRIX, facets);

        float[] scores = Interactions.scores(model, MATRIX, 3);

        assertThat(scores[2]).isCloseTo(1.05f, within(1e-6f));
        assertThat(scores[0]).isCloseTo(0.1f, within(1e-6f));
    }
}
