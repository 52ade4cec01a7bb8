package io.tandem.application.training;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

/**
 * The two-stage system as one retrieval model: candidates from the retrievers, ordered by the ranker and placed
 * above every other item; the remaining unseen items follow in the order of the retrievers' fused standardised
 * scores, so metrics over the full ranking (AUC) see a complete order.
 *
 * <p>The ranker is a loaded ranker artifact when a training run measures a version (one batched call per user, so
 * the metrics describe the file serving will load, and a challenger and a champion are measured through the same
 * code), or the trained trees in memory ({@link #withTrees}) when {@code tandem evaluate} measures the system.
 * Either way its scores are single precision, as serving's are. Thread-safe when the ranker is.
 */
final class TwoStageRecommender implements RetrievalModel {

    private final CandidateGenerator candidates;
    private final RankingFeatures features;
    private final ScoringModel ranker;

    TwoStageRecommender(CandidateGenerator candidates, RankingFeatures features, ScoringModel ranker) {
        this.candidates = candidates;
        this.features = features;
        this.ranker = ranker;
        if (ranker.featureCount() != features.schema().size()) {
            throw new InvalidFieldException("ranker", "expects " + ranker.featureCount()
                    + " features, the schema has " + features.schema().size());
        }
    }

    /** The system with trees held in memory as its ranker; nothing to release. */
    static TwoStageRecommender withTrees(CandidateGenerator candidates, RankingFeatures features,
                                         TreeEnsemble trees) {
        return new TwoStageRecommender(candidates, features, new TreeScoring(trees));
    }

    @Override
    public int itemCount() {
        return candidates.itemCount();
    }

    @Override
    public void score(UserHistory history, float[] scores) {
        UserCandidates found = candidates.candidates(history);
        // Seen items stay at -Infinity; every other item gets its fused score.
        found.fusedAll(scores);
        float floor = Float.NEGATIVE_INFINITY;
        for (float score : scores) {
            floor = Math.max(floor, score);
        }
        int size = found.items().length;
        if (size == 0) {
            return;
        }
        float[] rows = new float[size * features.schema().size()];
        features.write(found, found.items(), rows, 0);
        float[] ranked = ranker.score(rows, size);
        float lowest = Float.POSITIVE_INFINITY;
        for (float value : ranked) {
            lowest = Math.min(lowest, value);
        }
        float base = floor == Float.NEGATIVE_INFINITY ? 0f : floor;
        for (int c = 0; c < size; c++) {
            scores[found.items()[c]] = base + 1f + (ranked[c] - lowest);
        }
    }

    /** Trees as a ranker: each row scored by the reference {@link TreeEnsemble#scores}, rounded as an artifact's. */
    private static final class TreeScoring implements ScoringModel {

        private final TreeEnsemble trees;

        TreeScoring(TreeEnsemble trees) {
            this.trees = trees;
        }

        @Override
        public int featureCount() {
            return trees.featureCount();
        }

        @Override
        public float[] score(float[] features, int rows) {
            return trees.scores(features, rows);
        }

        @Override
        public void close() {
            // Trees in memory hold no native resources.
        }
    }
}
