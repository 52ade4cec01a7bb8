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

    @Test
    void scoresAreTheSameAsAPassOverEveryItemWouldGive() {
        // A skewed random matrix with ties (small counts), scored by the trainer and by the definition itself.
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int users = 120;
        int items = 60;
        List<long[]> rows = new java.util.ArrayList<>();
        for (int user = 0; user < users; user++) {
            int count = 1 + random.nextInt(8);
            for (int c = 0; c < count; c++) {
                rows.add(new long[] {user, (long) Math.floor(items * Math.pow(random.nextDouble(), 2))});
            }
        }
        InteractionMatrix matrix = Interactions.of(users, items, rows);
        ItemKnnParameters parameters = new ItemKnnParameters(5, 2.0);
        RetrievalModel model = new ItemKnnTrainer(parameters).train(matrix, ItemFacets.none(items));

        int[] counts = matrix.columnCounts();
        float[][] reference = new float[items][items];
        for (int item = 0; item < items; item++) {
            float[] cosine = new float[items];
            java.util.Arrays.fill(cosine, Float.NEGATIVE_INFINITY);
            for (int other = 0; other < items; other++) {
                int together = 0;
                for (int user = 0; user < users; user++) {
                    together += matrix.contains(user, item) && matrix.contains(user, other) ? 1 : 0;
                }
                if (other != item && together > 0) {
                    cosine[other] = (float) (together / (Math.sqrt(counts[item]) * Math.sqrt(counts[other])
                            + parameters.shrink()));
                }
            }
            for (int neighbour : io.tandem.domain.retrieval.TopItems.select(cosine, parameters.neighbours())) {
                reference[item][neighbour] = cosine[neighbour];
            }
        }
        for (int user = 0; user < users; user++) {
            float[] expected = new float[items];
            for (int item = 0; item < items; item++) {
                if (matrix.contains(user, item)) {
                    for (int other = 0; other < items; other++) {
                        expected[other] += reference[other][item];
                    }
                }
            }
            float[] actual = Interactions.scores(model, matrix, user);
            for (int item = 0; item < items; item++) {
                if (!matrix.contains(user, item)) {
                    assertThat(actual[item]).as("user %d item %d", user, item).isCloseTo(expected[item], within(1e-5f));
                }
            }
        }
    }
}
