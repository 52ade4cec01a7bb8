package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItemKnnTrainerTest {

    /** Users 0 and 1 have items 0 and 1; user 2 has items 0 and 2; user 3 has item 1. */
    private static final InteractionMatrix MATRIX = Interactions.of(4, 3, List.of(
            new long[] {0, 0}, new long[] {0, 1}, new long[] {1, 0}, new long[] {1, 1},
            new long[] {2, 0}, new long[] {2, 2}, new long[] {3, 1}));

    @Test
    void scoresSumTheCosineOfTheUsersItemsAmongEachItemsNeighbours() {
        // |U0| = 3, |U1| = 3, |U2| = 1. cos(0,1) = 2 / sqrt(3*3) = 0.6667; cos(0,2) = 1 / sqrt(3*1) = 0.5774;
        // cos(1,2) = 0. User 3 (history {1}): item 0 = cos(0,1) = 0.6667, item 2 = 0.
        // User 2 (history {0, 2}): item 1 = cos(1,0) + cos(1,2) = 0.6667.
        RetrievalModel model = new ItemKnnTrainer(new ItemKnnParameters(5, 0))
                .train(MATRIX, ItemFacets.none(3));

        float[] user3 = Interactions.scores(model, MATRIX, 3);
        float[] user2 = Interactions.scores(model, MATRIX, 2);

        assertThat(user3[0]).isCloseTo(2f / 3, within(1e-6f));
        assertThat(user3[2]).isZero();
        assertThat(user2[1]).isCloseTo(2f / 3, within(1e-6f));
    }

    @Test
    void keepsOnlyTheTopNeighboursAndShrinksWeakEvidence() {
        // With one neighbour per item, item 2's only neighbour is item 0 (cos 0.5774): user 0 (history {0, 1})
        // scores item 2 with it. Shrink 1 turns cos(0,2) into 1 / (sqrt(3) + 1) = 0.3660.
        RetrievalModel model = new ItemKnnTrainer(new ItemKnnParameters(1, 1.0))
                .train(MATRIX, ItemFacets.none(3));

        assertThat(Interactions.scores(model, MATRIX, 0)[2]).isCloseTo((float) (1 / (Math.sqrt(3) + 1)), within(1e-6f));
    }
}
