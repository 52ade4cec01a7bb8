package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.DenseRetrieval;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.Retrieval;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The retrievers that answer without a full score vector (popularity, item neighbours, EASE with fewer solved
 * items than items, iALS stopping early by vector length) answer what their full vectors say: the same ranked
 * lists, the same scores, the same moments (up to the rounding of the sums), with or without a lent buffer that
 * holds an earlier request's values.
 */
class RetrieveAgreesWithScoreTest {

    private static final int USERS = 200;
    private static final int ITEMS = 600;

    private static InteractionMatrix interactions() {
        SplittableRandom random = new SplittableRandom(9);
        List<long[]> rows = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            int taste = random.nextInt(6);
            for (int k = 0; k < 15; k++) {
                // Most interactions within one of six tastes, with a long tail: many ties in counts.
                int item = random.nextInt(4) == 0 ? random.nextInt(ITEMS) : taste * 100 + random.nextInt(30);
                rows.add(new long[] {user, item});
            }
        }
        return Interactions.of(USERS, ITEMS, rows);
    }

    @Test
    void everyRetrieverAnswersAsItsFullVector() {
        InteractionMatrix matrix = interactions();
        List<RetrievalModel> models = List.of(
                new PopularityTrainer(PopularityParameters.mostPopular()).train(matrix, ItemFacets.none(ITEMS)),
                new ItemKnnTrainer(new ItemKnnParameters(20, 5)).train(matrix, ItemFacets.none(ITEMS)),
                new EaseTrainer(new EaseParameters(100, 150)).train(matrix, ItemFacets.none(ITEMS)),
                new IalsTrainer(new IalsParameters(8, 5, 10, 5, 3, IalsParameters.Confidence.BINARY, 5L))
                        .train(matrix, ItemFacets.none(ITEMS)));
        for (RetrievalModel model : models) {
            for (int user = 0; user < USERS; user += 7) {
                UserHistory history = UserHistory.of(matrix, user);
                for (int[] depthAndLent : new int[][] {{1, 0}, {40, 0}, {700, 0}, {1, 1}, {40, 1}, {700, 1}}) {
                    int depth = depthAndLent[0];
                    // A lent buffer holds what an earlier request left: the answer must not depend on it.
                    float[] lent = null;
                    if (depthAndLent[1] == 1) {
                        lent = new float[ITEMS];
                        Arrays.fill(lent, Float.NaN);
                        lent[user % ITEMS] = 123f;
                    }
                    Retrieval actual = model.retrieve(history, depth, lent);
                    float[] full = new float[ITEMS];
                    model.score(history, full);
                    Retrieval expected = DenseRetrieval.of(full, history, depth);

                    String what = model.getClass().getSimpleName() + " user " + user + " depth " + depth
                            + (lent == null ? "" : " lent buffer");
                    assertThat(actual.top()).as(what).containsExactly(expected.top());
                    assertThat(actual.mean()).as(what)
                            .isCloseTo(expected.mean(), within(1e-5f * Math.max(1f, Math.abs(expected.mean()))));
                    assertThat(actual.deviation()).as(what)
                            .isCloseTo(expected.deviation(), within(1e-5f * Math.max(1f, expected.deviation())));
                    for (int item = 0; item < ITEMS; item++) {
                        if (Arrays.binarySearch(history.items(), item) < 0) {
                            assertThat(actual.score(item)).as(what + " item " + item).isEqualTo(expected.score(item));
                        }
                    }
                }
            }
        }
    }
}
