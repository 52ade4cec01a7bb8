package io.tandem.application.training;

import io.tandem.application.evaluation.EvaluationFixture;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ItemStats;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-stage system places the ranked candidates first, whichever ranker scores them. */
class TwoStageRecommenderTest {

    private static final List<String> NAMES = List.of("anti", "parity");
    private static final FeatureSchema SCHEMA = RankingFeatures.schemaFor(NAMES);
    private static final InteractionMatrix TRAIN =
            InteractionMatrix.of(EvaluationFixture.twoFolds().folds().get(0).train());
    private static final List<RetrievalModel> MODELS = List.of(
            EvaluationFixture.antiParity().train(TRAIN, ItemFacets.none(EvaluationFixture.ITEMS)),
            EvaluationFixture.parity().train(TRAIN, ItemFacets.none(EvaluationFixture.ITEMS)));
    private static final CandidateGenerator CANDIDATES = new CandidateGenerator(MODELS, EvaluationFixture.ITEMS, 2);
    private static final RankingFeatures FEATURES =
            new RankingFeatures(NAMES, ItemStats.of(TRAIN), ItemFacets.none(EvaluationFixture.ITEMS), MODELS);
    private static final TreeEnsemble BY_PARITY_RANK = EvaluationFixture.rankBy(SCHEMA.indexOf("parity.rank"),
            SCHEMA.size(), EvaluationFixture.ITEMS).train(null, null, null);

    @Test
    void rankedCandidatesComeFirstInTheRankersOrderThenTheOtherUnseenItemsAndSeenItemsLast() {
        UserHistory history = UserHistory.of(TRAIN, 0);
        UserCandidates found = CANDIDATES.candidates(history);
        int[] candidates = found.items();

        float[] scores = scores(TwoStageRecommender.withTrees(CANDIDATES, FEATURES, BY_PARITY_RANK), history);

        assertThat(candidates).isNotEmpty();
        float lowestCandidate = Float.POSITIVE_INFINITY;
        for (int item : candidates) {
            lowestCandidate = Math.min(lowestCandidate, scores[item]);
        }
        for (int item = 0; item < scores.length; item++) {
            int unseen = item;
            if (Arrays.binarySearch(history.items(), item) >= 0) {
                assertThat(scores[item]).as("seen item %d", item).isEqualTo(Float.NEGATIVE_INFINITY);
            } else if (IntStream.of(candidates).noneMatch(c -> c == unseen)) {
                assertThat(scores[item]).as("unseen item %d outside the candidates", item).isLessThan(lowestCandidate);
            }
        }
        int width = SCHEMA.size();
        float[] rows = new float[candidates.length * width];
        FEATURES.write(found, candidates, rows, 0);
        for (int c = 0; c < candidates.length; c++) {
            for (int d = 0; d < candidates.length; d++) {
                double first = BY_PARITY_RANK.score(Arrays.copyOfRange(rows, c * width, (c + 1) * width));
                double second = BY_PARITY_RANK.score(Arrays.copyOfRange(rows, d * width, (d + 1) * width));
                if (first > second) {
                    assertThat(scores[candidates[c]]).isGreaterThan(scores[candidates[d]]);
                }
            }
        }
    }

    @Test
    void treesAndAnArtifactThatScoresLikeThemGiveTheSameScores() {
        UserHistory history = UserHistory.of(TRAIN, 1);
        ScoringModel artifact = new FixedScoring(SCHEMA.size(), row -> (float) BY_PARITY_RANK.score(row));

        assertThat(scores(new TwoStageRecommender(CANDIDATES, FEATURES, artifact), history))
                .containsExactly(scores(TwoStageRecommender.withTrees(CANDIDATES, FEATURES, BY_PARITY_RANK), history));
    }

    @Test
    void aUserWithoutCandidatesNeverReachesTheRanker() {
        UserHistory everything = new UserHistory(IntStream.range(0, EvaluationFixture.ITEMS).toArray(),
                new float[EvaluationFixture.ITEMS], new long[EvaluationFixture.ITEMS]);
        ScoringModel refusesEmptyBatches = new FixedScoring(SCHEMA.size(), row -> {
            throw new AssertionError("scored a row of a user without candidates");
        });

        float[] scores = scores(new TwoStageRecommender(CANDIDATES, FEATURES, refusesEmptyBatches), everything);

        assertThat(scores).containsOnly(Float.NEGATIVE_INFINITY);
    }

    private static float[] scores(RetrievalModel system, UserHistory history) {
        float[] scores = new float[system.itemCount()];
        system.score(history, scores);
        return scores;
    }

    /** How a fake artifact scores one feature row. */
    @FunctionalInterface
    private interface RowScore {
        float score(float[] row);
    }

    /** An artifact stand-in that scores row by row and refuses a call with no rows, as a batch runtime may. */
    private record FixedScoring(int featureCount, RowScore rowScore) implements ScoringModel {

        @Override
        public float[] score(float[] features, int rows) {
            if (rows == 0) {
                throw new AssertionError("called with no rows");
            }
            float[] scores = new float[rows];
            for (int r = 0; r < rows; r++) {
                scores[r] = rowScore.score(Arrays.copyOfRange(features, r * featureCount, (r + 1) * featureCount));
            }
            return scores;
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
