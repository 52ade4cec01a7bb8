package io.tandem.domain.evaluation;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.TopItems;
import io.tandem.domain.retrieval.UserHistory;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Tandem's evaluation protocol for one model on one fold (ADR-0014): every user with test items not seen in
 * training gets a full ranking of the items they have not seen, and the metrics are averaged over those users.
 * Offline evaluation and the training run's hold-out both measure through it, so their figures compare.
 */
public final class FullRanking {

    private FullRanking() {
    }

    /**
     * The metric means of {@code model} trained on {@code train}, judged against {@code test}. Deterministic:
     * users are scored in parallel but summed in user order.
     */
    public static Map<String, Double> measure(RetrievalModel model, InteractionMatrix train, InteractionMatrix test,
                                              MetricSuite suite) {
        int n = train.itemCount();
        int[] users = IntStream.range(0, test.userCount()).filter(user -> test.rowLength(user) > 0).toArray();
        double[][] values = new double[users.length][];
        int[][] tops = new int[users.length][];
        IntStream.range(0, users.length).parallel().forEach(u -> {
            int user = users[u];
            RelevantItems relevant = relevant(train, test, user);
            if (relevant.isEmpty()) {
                return;
            }
            float[] scores = new float[n];
            model.score(UserHistory.of(train, user), scores);
            int[] columns = train.columns();
            for (int p = train.rowStart(user); p < train.rowEnd(user); p++) {
                scores[columns[p]] = Float.NEGATIVE_INFINITY;
            }
            int[] top = TopItems.select(scores, suite.k());
            values[u] = suite.measure(top, scores, relevant);
            tops[u] = top;
        });
        FoldScores scores = new FoldScores(suite, n);
        for (int u = 0; u < users.length; u++) {
            if (values[u] != null) {
                scores.add(values[u], tops[u]);
            }
        }
        return scores.means();
    }

    /** The user's test items that were not already seen in training. */
    private static RelevantItems relevant(InteractionMatrix train, InteractionMatrix test, int user) {
        int[] columns = test.columns();
        int[] kept = new int[test.rowLength(user)];
        int size = 0;
        for (int p = test.rowStart(user); p < test.rowEnd(user); p++) {
            if (!train.contains(user, columns[p])) {
                kept[size++] = columns[p];
            }
        }
        return RelevantItems.of(Arrays.copyOf(kept, size));
    }
}
