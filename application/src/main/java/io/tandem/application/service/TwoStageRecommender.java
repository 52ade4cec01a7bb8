package io.tandem.application.service;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

/**
 * The two-stage system as one retrieval model: candidates from the retrievers, ordered by the learned ranker
 * and placed above every other item; the remaining unseen items follow in the order of the retrievers' fused
 * standardised scores, so metrics over the full ranking (AUC) see a complete order. Thread-safe.
 */
final class TwoStageRecommender implements RetrievalModel {

    private final CandidateGenerator candidates;
    private final RankingFeatures features;
    private final TreeEnsemble ranker;

    TwoStageRecommender(CandidateGenerator candidates, RankingFeatures features, TreeEnsemble ranker) {
        this.candidates = candidates;
        this.features = features;
        this.ranker = ranker;
        if (ranker.featureCount() != features.schema().size()) {
            throw new InvalidFieldException("ranker", "expects " + ranker.featureCount()
                    + " features, the schema has " + features.schema().size());
        }
    }

    @Override
    public int itemCount() {
        return candidates.itemCount();
    }

    @Override
    public void score(UserHistory history, float[] scores) {
        UserCandidates found = candidates.candidates(history);
        fuse(found, scores);
        float floor = Float.NEGATIVE_INFINITY;
        for (int item = 0; item < scores.length; item++) {
            floor = Math.max(floor, scores[item]);
        }
        int width = features.schema().size();
        int size = found.items().length;
        float[] rows = new float[size * width];
        features.write(found, found.items(), rows, 0);
        float[] row = new float[width];
        double[] ranked = new double[size];
        double lowest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < size; c++) {
            System.arraycopy(rows, c * width, row, 0, width);
            ranked[c] = ranker.score(row);
            lowest = Math.min(lowest, ranked[c]);
        }
        float base = floor == Float.NEGATIVE_INFINITY ? 0f : floor;
        for (int c = 0; c < size; c++) {
            scores[found.items()[c]] = (float) (base + 1.0 + (ranked[c] - lowest));
        }
    }

    /** Every unseen item's fused standardised score; seen items stay at {@code -Infinity}. */
    private static void fuse(UserCandidates found, float[] scores) {
        found.fusedAll(scores);
    }
}
