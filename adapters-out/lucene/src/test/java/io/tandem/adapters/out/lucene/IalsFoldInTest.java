package io.tandem.adapters.out.lucene;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.ItemIndexHandle;
import io.tandem.domain.retrieval.ItemVectors;
import io.tandem.domain.retrieval.NearestItemsQuery;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.ScoredItem;
import io.tandem.domain.retrieval.TopItems;
import io.tandem.domain.retrieval.UserFoldIn;
import io.tandem.domain.retrieval.VectorSimilarity;
import io.tandem.domain.retrieval.training.IalsParameters;
import io.tandem.domain.retrieval.training.IalsTrainer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding a user in from exactly their training items must give back what iALS trained for them: the vector, and
 * above all the items it ranks first, whether scored exhaustively or found through the HNSW index.
 */
class IalsFoldInTest {

    private static final int USERS = 400;
    private static final int ITEMS = 300;
    private static final int COMMUNITIES = 5;
    private static final int ITEMS_PER_USER = 25;

    /** Users mostly pick items of their own community (user and item index modulo 5), sometimes any item. */
    private static InteractionMatrix communities(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = USERS * ITEMS_PER_USER;
        int[] users = new int[n];
        int[] items = new int[n];
        int row = 0;
        for (int user = 0; user < USERS; user++) {
            for (int k = 0; k < ITEMS_PER_USER; k++) {
                int item = random.nextInt(ITEMS);
                if (random.nextDouble() < 0.8) {
                    item = item - item % COMMUNITIES + user % COMMUNITIES;
                }
                users[row] = user;
                items[row++] = item;
            }
        }
        float[] values = new float[n];
        Arrays.fill(values, 1f);
        return InteractionMatrix.of(new InteractionLog(USERS, ITEMS, users, items, values, new long[n]));
    }

    private static int[] itemsOf(InteractionMatrix matrix, int user) {
        return Arrays.copyOfRange(matrix.columns(), matrix.rowStart(user), matrix.rowEnd(user));
    }

    /** Dot products of {@code user} with every item, {@code -Infinity} on the excluded ones. */
    private static float[] scores(float[] user, float[] items, int[] excluded) {
        int d = user.length;
        float[] scores = new float[items.length / d];
        for (int item = 0; item < scores.length; item++) {
            float sum = 0;
            for (int k = 0; k < d; k++) {
                sum += user[k] * items[item * d + k];
            }
            scores[item] = sum;
        }
        for (int item : excluded) {
            scores[item] = Float.NEGATIVE_INFINITY;
        }
        return scores;
    }

    private static int overlap(int[] a, int[] b) {
        Set<Integer> left = new HashSet<>();
        for (int x : a) {
            left.add(x);
        }
        int shared = 0;
        for (int x : b) {
            shared += left.contains(x) ? 1 : 0;
        }
        return shared;
    }

    /**
     * How folded and trained user vectors agree: the worst relative distance {@code |folded - trained| / |trained|}
     * and the mean share of the top 10 unseen items they have in common.
     */
    private record Agreement(double maxRelativeError, double meanTop10Overlap) {
    }

    /**
     * Trains iALS on the communities, folds every user in from their training items (weighted by
     * {@code log(1 + value)} when the trainer uses that confidence) and compares with the trained user.
     */
    private static Agreement agreement(IalsParameters parameters) {
        InteractionMatrix matrix = communities(17L);
        RetrievalModel model = new IalsTrainer(parameters).train(matrix, ItemFacets.none(ITEMS));
        Embeddings embeddings = model.embeddings().orElseThrow();
        UserFoldIn foldIn = UserFoldIn.of(embeddings, parameters.regularization(), parameters.alpha());
        int f = embeddings.dimension();
        double worst = 0;
        int shared = 0;
        for (int user = 0; user < USERS; user++) {
            int[] seen = itemsOf(matrix, user);
            float[] trained = Arrays.copyOfRange(embeddings.users(), user * f, (user + 1) * f);
            float[] folded;
            if (parameters.confidence() == IalsParameters.Confidence.LOG_VALUE) {
                float[] weights = new float[seen.length];
                for (int k = 0; k < seen.length; k++) {
                    weights[k] = (float) Math.log1p(matrix.values()[matrix.rowStart(user) + k]);
                }
                folded = foldIn.fold(seen, weights);
            } else {
                folded = foldIn.fold(seen);
            }
            worst = Math.max(worst, relativeError(folded, trained));
            shared += overlap(TopItems.select(scores(trained, embeddings.items(), seen), 10),
                    TopItems.select(scores(folded, embeddings.items(), seen), 10));
        }
        Agreement agreement = new Agreement(worst, shared / (USERS * 10.0));
        System.out.printf("fold-in vs iALS %s: %s%n", parameters, agreement);
        return agreement;
    }

    private static double relativeError(float[] folded, float[] trained) {
        double difference = 0;
        double length = 0;
        for (int d = 0; d < trained.length; d++) {
            difference += Math.pow(folded[d] - trained[d], 2);
            length += (double) trained[d] * trained[d];
        }
        return Math.sqrt(difference / length);
    }

    @Test
    void foldingATrainingUsersItemsGivesBackTheirTrainedVector() {
        // The trainer's last user solve saw item vectors one sweep older than the final ones, and stopped after a
        // few conjugate-gradient steps; at the defaults both leave about 0.1% of difference (0.14% at worst here).
        Agreement agreement = agreement(IalsParameters.defaults());

        assertThat(agreement.maxRelativeError()).isLessThan(5e-3);
        assertThat(agreement.meanTop10Overlap()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void weightedFoldInMatchesTheTrainerWithLogValueConfidence() {
        IalsParameters defaults = IalsParameters.defaults();
        Agreement agreement = agreement(new IalsParameters(defaults.factors(), defaults.iterations(),
                defaults.regularization(), defaults.alpha(), defaults.conjugateGradientSteps(),
                IalsParameters.Confidence.LOG_VALUE, defaults.seed()));

        assertThat(agreement.maxRelativeError()).isLessThan(5e-3);
        assertThat(agreement.meanTop10Overlap()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theIndexFindsWhatTheModelRanksFirstForAFoldedUser() {
        IalsParameters parameters = IalsParameters.defaults();
        InteractionMatrix matrix = communities(23L);
        RetrievalModel model = new IalsTrainer(parameters).train(matrix, ItemFacets.none(ITEMS));
        Embeddings embeddings = model.embeddings().orElseThrow();
        UserFoldIn foldIn = UserFoldIn.of(embeddings, parameters.regularization(), parameters.alpha());
        List<ItemId> ids = RandomVectors.ids(ITEMS);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle index = adapter.build(ItemVectors.of(ids, embeddings), VectorSimilarity.DOT_PRODUCT);
            int shared = 0;
            for (int user = 0; user < USERS; user++) {
                int[] seen = itemsOf(matrix, user);
                float[] folded = foldIn.fold(seen);
                Set<ItemId> excluded = new HashSet<>();
                for (int item : seen) {
                    excluded.add(ids.get(item));
                }

                List<ScoredItem> found = adapter.search(new NearestItemsQuery(index, folded, 10, excluded));

                int[] foundRows = found.stream().mapToInt(hit -> ids.indexOf(hit.item())).toArray();
                assertThat(foundRows).doesNotContain(seen);
                shared += overlap(TopItems.select(scores(folded, embeddings.items(), seen), 10), foundRows);
            }
            double recall = shared / (USERS * 10.0);
            System.out.printf("HNSW recall@10 for folded iALS users (exact = the folded vector's own scan): %.4f%n",
                    recall);
            assertThat(recall).isGreaterThan(0.98);
        }
    }
}
