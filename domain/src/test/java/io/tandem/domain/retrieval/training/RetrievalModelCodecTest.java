package io.tandem.domain.retrieval.training;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What training stores is what serving loads: every trainer's model scores the same after a round trip. */
class RetrievalModelCodecTest {

    private static final int USERS = 40;
    private static final int ITEMS = 30;
    private static final RetrievalModelCodec CODEC = new RetrievalModelCodec();

    @Test
    void everyTrainersModelScoresTheSameAfterARoundTrip() {
        InteractionMatrix matrix = randomMatrix();
        ItemFacets facets = facets();
        List<RetrievalModel> models = List.of(
                new PopularityTrainer(PopularityParameters.mostPopular()).train(matrix, facets),
                new PopularityTrainer(new PopularityParameters(7, PopularityParameters.Scope.USER_CATEGORIES))
                        .train(matrix, facets),
                new ItemKnnTrainer(ItemKnnParameters.defaults()).train(matrix, facets),
                new IalsTrainer(new IalsParameters(4, 3, 1, 5, 2, IalsParameters.Confidence.BINARY, 1L))
                        .train(matrix, facets),
                new EaseTrainer(new EaseParameters(5, 20)).train(matrix, facets));

        for (RetrievalModel model : models) {
            RetrievalModel loaded = CODEC.decode(CODEC.encode(model), facets);

            for (int user = 0; user < USERS; user += 3) {
                assertThat(Interactions.scores(loaded, matrix, user)).as(model.getClass().getSimpleName())
                        .containsExactly(Interactions.scores(model, matrix, user));
            }
        }
    }

    @Test
    void refusesAlteredTruncatedAndForeignBytes() {
        byte[] stored = CODEC.encode(new PopularityTrainer(PopularityParameters.mostPopular())
                .train(randomMatrix(), facets()));
        byte[] altered = stored.clone();
        altered[12] ^= 1;

        assertThatThrownBy(() -> CODEC.decode(altered, facets())).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.getMessage()).contains("checksum"));
        assertThatThrownBy(() -> CODEC.decode(new byte[8], facets())).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> CODEC.decode(stored, ItemFacets.none(ITEMS + 1)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("scores " + ITEMS + " items");
        RetrievalModel foreign = new RetrievalModel() {
            @Override
            public int itemCount() {
                return ITEMS;
            }

            @Override
            public void score(UserHistory history, float[] scores) {
                Arrays.fill(scores, 0f);
            }
        };
        assertThatThrownBy(() -> CODEC.encode(foreign))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("cannot store");
    }

    private static InteractionMatrix randomMatrix() {
        SplittableRandom random = new SplittableRandom(5);
        List<long[]> rows = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            for (int k = 0; k < 6; k++) {
                rows.add(new long[] {user, random.nextInt(ITEMS), 1_000L * random.nextInt(100)});
            }
        }
        return Interactions.of(USERS, ITEMS, rows);
    }

    private static ItemFacets facets() {
        int[][] categories = new int[ITEMS][];
        long[] created = new long[ITEMS];
        for (int item = 0; item < ITEMS; item++) {
            categories[item] = new int[] {item % 3};
            created[item] = ItemFacets.UNKNOWN_TIME;
        }
        return new ItemFacets(List.of("a", "b", "c"), categories, created);
    }
}
