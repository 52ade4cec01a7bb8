package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IalsTrainerTest {

    private static final IalsParameters PARAMETERS = new IalsParameters(4, 10, 0.1, 10, 3,
            IalsParameters.Confidence.BINARY, 11L);

    /**
     * Two communities: users 0..9 have items 0..4 except the item equal to their index modulo 5; users 10..19
     * likewise on items 5..9. Every user misses one item of their community.
     */
    private static InteractionMatrix communities() {
        List<long[]> rows = new ArrayList<>();
        for (int user = 0; user < 20; user++) {
            int first = user < 10 ? 0 : 5;
            for (int item = first; item < first + 5; item++) {
                if (item - first != user % 5) {
                    rows.add(new long[] {user, item});
                }
            }
        }
        return Interactions.of(20, 10, rows);
    }

    @Test
    void aUsersMissingItemOfTheirCommunityOutscoresEveryItemOfTheOther() {
        RetrievalModel model = new IalsTrainer(PARAMETERS).train(communities(), ItemFacets.none(10));

        for (int user = 0; user < 20; user++) {
            float[] scores = Interactions.scores(model, communities(), user);
            int missing = (user < 10 ? 0 : 5) + user % 5;
            for (int other = user < 10 ? 5 : 0, end = other + 5; other < end; other++) {
                assertThat(scores[missing]).as("user %d: item %d vs %d", user, missing, other)
                        .isGreaterThan(scores[other]);
            }
        }
        assertThat(model.embeddings()).hasValueSatisfying(e -> assertThat(e.dimension()).isEqualTo(4));
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        RetrievalModel first = new IalsTrainer(PARAMETERS).train(communities(), ItemFacets.none(10));
        RetrievalModel second = new IalsTrainer(PARAMETERS).train(communities(), ItemFacets.none(10));

        assertThat(first.embeddings().orElseThrow().items()).containsExactly(second.embeddings().orElseThrow().items());
    }

    @Test
    void blockedScoresEqualOneDotProductPerItemBitForBit() {
        // 2,500 items: two full blocks of 1,024 and a short one.
        int items = 2_500;
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<long[]> rows = new ArrayList<>();
        for (int user = 0; user < 300; user++) {
            for (int k = 0; k < 12; k++) {
                rows.add(new long[] {user, random.nextInt(items)});
            }
        }
        InteractionMatrix matrix = Interactions.of(300, items, rows);
        RetrievalModel model = new IalsTrainer(PARAMETERS).train(matrix, ItemFacets.none(items));
        io.tandem.domain.retrieval.UserHistory history = io.tandem.domain.retrieval.UserHistory.of(matrix, 7);

        float[] scores = new float[items];
        model.score(history, scores);

        float[] user = model.userVector(history).orElseThrow();
        float[] vectors = model.embeddings().orElseThrow().items();
        int f = user.length;
        for (int item = 0; item < items; item++) {
            float sum = 0;
            for (int d = 0; d < f; d++) {
                sum += user[d] * vectors[item * f + d];
            }
            assertThat(Float.floatToIntBits(scores[item])).as("item %d", item).isEqualTo(Float.floatToIntBits(sum));
        }
    }
}
