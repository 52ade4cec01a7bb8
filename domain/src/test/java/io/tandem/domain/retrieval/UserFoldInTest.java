package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UserFoldInTest {

    private static final int ITEMS = 300;
    private static final int DIMENSION = 8;
    private static final double LAMBDA = 0.5;
    private static final double ALPHA = 10;

    private static Embeddings randomItems(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] items = new float[ITEMS * DIMENSION];
        for (int p = 0; p < items.length; p++) {
            items[p] = (float) (random.nextGaussian() * 0.3);
        }
        return new Embeddings(DIMENSION, new float[0], items);
    }

    /**
     * The gradient of the iALS loss {@code Σ_all c_i (p_i - uᵀy_i)² + λ|u|²} at {@code u}, summed over every item
     * directly rather than through the Gram matrix the fold-in uses, halved.
     */
    private static double[] gradient(Embeddings embeddings, float[] u, int[] observed, double[] weights) {
        double[] g = new double[DIMENSION];
        float[] y = embeddings.items();
        for (int item = 0; item < ITEMS; item++) {
            double confidence = 1;
            double preference = 0;
            for (int k = 0; k < observed.length; k++) {
                if (observed[k] == item) {
                    confidence += ALPHA * weights[k];
                    preference = 1;
                }
            }
            double prediction = 0;
            for (int d = 0; d < DIMENSION; d++) {
                prediction += u[d] * y[item * DIMENSION + d];
            }
            for (int d = 0; d < DIMENSION; d++) {
                g[d] += confidence * (prediction - preference) * y[item * DIMENSION + d];
            }
        }
        for (int d = 0; d < DIMENSION; d++) {
            g[d] += LAMBDA * u[d];
        }
        return g;
    }

    private static void assertStationary(double[] gradient, float[] u) {
        double norm = 0;
        for (float value : u) {
            norm += value * value;
        }
        assertThat(Math.sqrt(norm)).as("a non-trivial solution").isGreaterThan(0.1);
        for (double value : gradient) {
            assertThat(value).isCloseTo(0.0, within(1e-4));
        }
    }

    @Test
    void theFoldedVectorMinimisesTheIalsLossForThatUser() {
        Embeddings embeddings = randomItems(3);
        int[] observed = {3, 17, 42, 99, 250};

        float[] u = UserFoldIn.of(embeddings, LAMBDA, ALPHA).fold(observed);

        assertStationary(gradient(embeddings, u, observed, new double[] {1, 1, 1, 1, 1}), u);
    }

    @Test
    void weightsRaiseTheConfidenceOfTheirItems() {
        Embeddings embeddings = randomItems(5);
        int[] observed = {8, 120, 121};
        float[] weights = {0.5f, 2f, 0f};

        float[] u = UserFoldIn.of(embeddings, LAMBDA, ALPHA).fold(observed, weights);

        assertStationary(gradient(embeddings, u, observed, new double[] {0.5, 2, 0}), u);
    }

    @Test
    void repeatedEntriesAddTheirWeightsButBinaryFeedbackCountsAnItemOnce() {
        UserFoldIn foldIn = UserFoldIn.of(randomItems(7), LAMBDA, ALPHA);

        assertThat(foldIn.fold(new int[] {4, 4}, new float[] {1, 2}))
                .containsExactly(foldIn.fold(new int[] {4}, new float[] {3}), within(1e-6f));
        assertThat(foldIn.fold(new int[] {5, 9, 5})).containsExactly(foldIn.fold(new int[] {9, 5}), within(1e-6f));
    }

    @Test
    void aUserWithoutItemsFoldsToTheZeroVector() {
        float[] u = UserFoldIn.of(randomItems(9), LAMBDA, ALPHA).fold(new int[0]);

        assertThat(u).hasSize(DIMENSION).containsOnly(0f);
    }

    @Test
    void aUserFoldedFromOneCommunitysItemsRanksThatCommunityFirst() {
        // Items 0..149 point along axis 0 and items 150..299 along axis 1, each with a little noise.
        SplittableRandom random = new SplittableRandom(11);
        float[] items = new float[ITEMS * DIMENSION];
        for (int item = 0; item < ITEMS; item++) {
            for (int d = 0; d < DIMENSION; d++) {
                items[item * DIMENSION + d] = (float) (random.nextGaussian() * 0.05);
            }
            items[item * DIMENSION + (item < 150 ? 0 : 1)] += 1f;
        }
        Embeddings embeddings = new Embeddings(DIMENSION, new float[0], items);

        // Strong regularization, as iALS is trained with, keeps the three items' noise from dominating the fit.
        float[] u = UserFoldIn.of(embeddings, 50, ALPHA).fold(new int[] {10, 11, 12});

        float[] scores = new float[ITEMS];
        for (int item = 0; item < ITEMS; item++) {
            for (int d = 0; d < DIMENSION; d++) {
                scores[item] += u[d] * items[item * DIMENSION + d];
            }
        }
        assertThat(Arrays.stream(TopItems.select(scores, 150)).max()).hasValue(149);
    }

    @Test
    void rejectsUnknownItemsAndBadSettings() {
        UserFoldIn foldIn = UserFoldIn.of(randomItems(13), LAMBDA, ALPHA);

        assertThatThrownBy(() -> foldIn.fold(new int[] {ITEMS}))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("items"));
        assertThatThrownBy(() -> foldIn.fold(new int[] {1}, new float[] {-1}))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("weights"));
        assertThatThrownBy(() -> UserFoldIn.of(randomItems(13), 0, ALPHA))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("regularization"));
    }
}
