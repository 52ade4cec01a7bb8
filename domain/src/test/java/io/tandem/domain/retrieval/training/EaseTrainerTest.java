package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EaseTrainerTest {

    /** User 0 has items 0 and 1, user 1 has item 0. */
    private static final InteractionMatrix TWO_ITEMS = Interactions.of(2, 2,
            List.of(new long[] {0, 0}, new long[] {0, 1}, new long[] {1, 0}));

    @Test
    void weightsAreTheClosedFormSolution() {
        // X^T X = [[2, 1], [1, 1]]; with lambda 1: G = [[3, 1], [1, 2]], P = G^-1 = 1/5 [[2, -1], [-1, 3]].
        // B[j][i] = -P[j][i] / P[i][i]: B[0][1] = (1/5) / (3/5) = 1/3, B[1][0] = (1/5) / (2/5) = 1/2, diagonal 0.
        // User 1 (history {0}) scores item 1 with B[0][1] = 1/3 and item 0 with B[0][0] = 0.
        RetrievalModel model = new EaseTrainer(new EaseParameters(1.0, 10))
                .train(TWO_ITEMS, ItemFacets.none(2));

        float[] scores = Interactions.scores(model, TWO_ITEMS, 1);

        assertThat(scores[1]).isCloseTo(1f / 3, within(1e-6f));
        assertThat(scores[0]).isZero();
        // User 0 (history {0, 1}): item 0 gets B[1][0] = 1/2, item 1 gets B[0][1] = 1/3.
        float[] both = Interactions.scores(model, TWO_ITEMS, 0);
        assertThat(both[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(both[1]).isCloseTo(1f / 3, within(1e-6f));
    }

    @Test
    void aCatalogueAboveTheLimitIsSolvedOverItsMostPopularItems() {
        // Item 0 has two users, item 1 one: with room for one item, only item 0 is solved (score 0, its own
        // weight) and item 1 scores one below the lowest solved score, -1.
        RetrievalModel model = new EaseTrainer(new EaseParameters(1.0, 1))
                .train(TWO_ITEMS, ItemFacets.none(2));

        float[] scores = Interactions.scores(model, TWO_ITEMS, 1);

        assertThat(scores[0]).isZero();
        assertThat(scores[1]).isEqualTo(-1f);
        assertThat(EaseTrainer.solvedItems(new int[] {5, 9, 9, 1}, 2)).containsExactly(1, 2);
    }
}
