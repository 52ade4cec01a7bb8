package io.tandem.application.evaluation;

import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.application.training.port.out.TrainRetrieverPort;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small data sets, fake retrievers and a stand-in ranker for the evaluation service tests. */
public final class EvaluationFixture {

    public static final int USERS = 30;
    public static final int ITEMS = 12;

    private EvaluationFixture() {
    }

    /**
     * Two folds over 30 users and 12 items: every user has every item of "their" half of the catalogue (even
     * users the even items, odd users the odd ones), a seeded quarter of them in the test part, with times
     * increasing along the log.
     */
    public static EvaluationDataset twoFolds() {
        List<Fold> folds = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<int[]> train = new ArrayList<>();
            List<int[]> test = new ArrayList<>();
            for (int user = 0; user < USERS; user++) {
                for (int item = user % 2; item < ITEMS; item += 2) {
                    (random.nextDouble() < 0.75 ? train : test).add(new int[] {user, item});
                }
            }
            folds.add(new Fold(log(train), log(test)));
        }
        return new EvaluationDataset("fixture", "folds", ItemFacets.none(ITEMS), folds);
    }

    public static InteractionLog log(List<int[]> pairs) {
        int n = pairs.size();
        int[] users = new int[n];
        int[] items = new int[n];
        float[] values = new float[n];
        long[] times = new long[n];
        for (int row = 0; row < n; row++) {
            users[row] = pairs.get(row)[0];
            items[row] = pairs.get(row)[1];
            values[row] = 1f;
            times[row] = 1_000L * row;
        }
        return new InteractionLog(USERS, ITEMS, users, items, values, times);
    }

    /** A retriever that knows the structure: items of the user's parity score 1, the others 0. */
    public static TrainRetrieverPort parity() {
        return (interactions, items) -> model(interactions.itemCount(),
                (history, item) -> item % 2 == parity(history) ? 1f + item / 100f : item / 100f);
    }

    /** A retriever that gets the structure exactly wrong. */
    public static TrainRetrieverPort antiParity() {
        return (interactions, items) -> model(interactions.itemCount(),
                (history, item) -> item % 2 != parity(history) ? 1f : 0f);
    }

    /** The half of the catalogue a user of {@link #twoFolds()} belongs to, read from their history. */
    private static int parity(UserHistory history) {
        return history.isEmpty() ? 0 : history.items()[0] % 2;
    }

    /** How a fake model scores one item for a user with a history. */
    @FunctionalInterface
    public interface PairScore {
        float score(UserHistory history, int item);
    }

    public static RetrievalModel model(int itemCount, PairScore score) {
        return new RetrievalModel() {
            @Override
            public int itemCount() {
                return itemCount;
            }

            @Override
            public void score(UserHistory history, float[] scores) {
                for (int item = 0; item < scores.length; item++) {
                    scores[item] = score.score(history, item);
                }
            }
        };
    }

    /**
     * A stand-in ranker that ignores its training data and scores a row by minus the rank feature at
     * {@code rankFeature}: a stack of stumps "rank >= t adds -1" for t = 1.5, 2.5, ..., so rank 1 scores 0, rank 2
     * scores -1, and so on up to {@code depth}.
     */
    public static TrainRankerPort rankBy(int rankFeature, int featureCount, int depth) {
        return (training, validation, parameters) -> {
            List<TreeEnsemble.Tree> trees = new ArrayList<>();
            for (int t = 1; t <= depth; t++) {
                trees.add(new TreeEnsemble.Tree(new int[] {rankFeature, 0, 0}, new float[] {t + 0.5f, 0f, 0f},
                        new int[] {1, -1, -1}, new int[] {2, -1, -1}, new boolean[] {true, false, false},
                        new float[] {0f, 0f, -1f}));
            }
            return new TreeEnsemble(featureCount, 0.0, trees);
        };
    }
}
