package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;

import java.util.List;

/** Builds small interaction matrices for the retriever tests. */
final class Interactions {

    private Interactions() {
    }

    /** One row per {@code {user, item}} or {@code {user, item, time}}; value 1, time 0 unless given. */
    static InteractionMatrix of(int users, int items, List<long[]> rows) {
        int n = rows.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int r = 0; r < n; r++) {
            long[] row = rows.get(r);
            u[r] = (int) row[0];
            i[r] = (int) row[1];
            v[r] = 1f;
            t[r] = row.length > 2 ? row[2] : 0L;
        }
        return InteractionMatrix.of(new InteractionLog(users, items, u, i, v, t));
    }

    /** The scores of user {@code user} of {@code matrix}, whose history is their row. */
    static float[] scores(RetrievalModel model, InteractionMatrix matrix, int user) {
        float[] scores = new float[model.itemCount()];
        model.score(UserHistory.of(matrix, user), scores);
        return scores;
    }
}
