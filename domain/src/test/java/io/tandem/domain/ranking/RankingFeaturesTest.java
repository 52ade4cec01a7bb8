package io.tandem.domain.ranking;

import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;
import io.tandem.domain.retrieval.training.EaseParameters;
import io.tandem.domain.retrieval.training.EaseTrainer;
import io.tandem.domain.retrieval.training.IalsParameters;
import io.tandem.domain.retrieval.training.IalsTrainer;
import io.tandem.domain.retrieval.training.ItemKnnParameters;
import io.tandem.domain.retrieval.training.ItemKnnTrainer;
import io.tandem.domain.retrieval.training.PopularityParameters;
import io.tandem.domain.retrieval.training.PopularityTrainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature rows against a plain restatement from the candidates' public answers ({@code score}, {@code rank},
 * {@code sources}, {@code standardised}, {@link Embeddings#cosineToItem}): the values the request path writes
 * from its precomputed tables are the same floats, bit for bit, for candidates and for items in the history, so
 * a ranker scores served rows exactly as the rows it was trained on.
 */
class RankingFeaturesTest {

    private static final int USERS = 150;
    private static final int ITEMS = 400;
    private static final List<String> NAMES = List.of("popularity", "item-knn", "ials", "ease");

    @Test
    void rowsEqualTheirPlainRestatementBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        int[] users = new int[USERS * 12];
        int[] items = new int[users.length];
        float[] values = new float[users.length];
        long[] times = new long[users.length];
        for (int k = 0; k < users.length; k++) {
            users[k] = k / 12;
            items[k] = random.nextInt(3) == 0 ? random.nextInt(ITEMS) : (users[k] % 5) * 60 + random.nextInt(25);
            values[k] = 1 + random.nextInt(3);
            times[k] = 1_700_000_000L + random.nextInt(5_000_000);
        }
        InteractionMatrix matrix = InteractionMatrix.of(new InteractionLog(USERS, ITEMS, users, items, values, times));
        int[][] categories = new int[ITEMS][];
        long[] created = new long[ITEMS];
        for (int item = 0; item < ITEMS; item++) {
            // None, one, two, or three categories (more than a row's table holds inline).
            categories[item] = item % 7 == 0 ? new int[0] : item % 11 == 0 ? new int[] {0, 1, 2}
                    : item % 3 == 0 ? new int[] {0, 2} : new int[] {item % 3};
            created[item] = item % 5 == 0 ? ItemFacets.UNKNOWN_TIME : 1_690_000_000L + item * 1_000L;
        }
        ItemFacets facets = new ItemFacets(List.of("a", "b", "c"), categories, created);
        List<RetrievalModel> models = List.of(
                new PopularityTrainer(PopularityParameters.mostPopular()).train(matrix, facets),
                new ItemKnnTrainer(new ItemKnnParameters(20, 5)).train(matrix, facets),
                new IalsTrainer(new IalsParameters(8, 4, 10, 5, 3, IalsParameters.Confidence.BINARY, 5L))
                        .train(matrix, facets),
                new EaseTrainer(new EaseParameters(100, 120)).train(matrix, facets));
        RankingFeatures features = new RankingFeatures(NAMES, ItemStats.of(matrix), facets, models);
        Embeddings embeddings = models.get(2).embeddings().orElseThrow();
        CandidateGenerator generator = new CandidateGenerator(models, ITEMS, 10, 80);
        int width = features.schema().size();

        for (int user = 0; user < USERS; user += 9) {
            UserHistory history = user % 4 == 0 ? UserHistory.empty() : UserHistory.of(matrix, user);
            UserCandidates found = generator.candidates(history);
            // The candidates, then the history's own items (a ranking request may name them).
            int[] rowsOf = IntStream.concat(IntStream.of(found.items()), IntStream.of(history.items())).toArray();
            float[] rows = new float[rowsOf.length * width];
            features.write(found, rowsOf, rows, 0);

            float[] userVector = models.get(2).userVector(history).orElseThrow();
            float[] historyVector = history.isEmpty() ? null : new float[embeddings.dimension()];
            for (int had : history.items()) {
                for (int d = 0; d < embeddings.dimension(); d++) {
                    historyVector[d] += embeddings.items()[had * embeddings.dimension() + d];
                }
            }
            for (int row = 0; row < rowsOf.length; row++) {
                int item = rowsOf[row];
                List<Float> expected = new ArrayList<>();
                float fused = 0;
                for (int m = 0; m < NAMES.size(); m++) {
                    float score = found.score(m, item);
                    expected.add(score);
                    expected.add((float) found.rank(m, item));
                    expected.add(found.best(m) > 0 ? score / found.best(m) : Float.NaN);
                    expected.add(found.standardisedScore(m, score));
                    fused += found.standardisedScore(m, score);
                }
                expected.add((float) found.sources(item));
                expected.add(fused);
                expected.add((float) Math.log1p(matrix.itemCount() > 0 ? ItemStats.of(matrix).count()[item] : 0));
                int at = row * width;
                for (int f = 0; f < expected.size(); f++) {
                    assertThat(Float.floatToIntBits(rows[at + f])).as("user %d item %d feature %s", user, item,
                            features.schema().features().get(f)).isEqualTo(Float.floatToIntBits(finite(expected.get(f))));
                }
                float userCosine = (float) embeddings.cosineToItem(userVector, item);
                float historyCosine = historyVector == null ? Float.NaN
                        : (float) embeddings.cosineToItem(historyVector, item);
                assertThat(Float.floatToIntBits(rows[at + width - 2])).as("user cosine of %d", item)
                        .isEqualTo(Float.floatToIntBits(finite(userCosine)));
                assertThat(Float.floatToIntBits(rows[at + width - 1])).as("history cosine of %d", item)
                        .isEqualTo(Float.floatToIntBits(finite(historyCosine)));
            }
        }
    }

    /** Rows carry NaN where a value is infinite. */
    private static float finite(float value) {
        return Float.isInfinite(value) ? Float.NaN : value;
    }
}
