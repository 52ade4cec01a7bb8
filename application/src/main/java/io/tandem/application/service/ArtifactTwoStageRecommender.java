package io.tandem.application.service;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

/**
 * The two-stage system with a loaded ranker artifact as its second stage, ranked exactly as
 * {@link TwoStageRecommender} ranks with the in-memory trees: candidates ordered by the ranker above every other
 * unseen item, the rest in the order of the retrievers' fused standardised scores. Scoring the artifact (one
 * batched call per user) rather than the trees means a version's metrics describe the file serving will load, and
 * a challenger and a champion are measured through the same code. Thread-safe when the scorer is.
 */
final class ArtifactTwoStageRecommender implements RetrievalModel {

    private final CandidateGenerator candidates;
    private final RankingFeatures features;
    private final ScoringModel ranker;

    ArtifactTwoStageRecommender(CandidateGenerator candidates, RankingFeatures features, ScoringModel ranker) {
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
}
