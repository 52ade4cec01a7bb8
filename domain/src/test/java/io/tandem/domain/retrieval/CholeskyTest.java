package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CholeskyTest {

    @Test
    void invertsATwoByTwoMatrixAsByHand() {
        // [[3, 1], [1, 2]]: determinant 3*2 - 1*1 = 5, inverse 1/5 [[2, -1], [-1, 3]].
        float[][] matrix = {{3, 1}, {1, 2}};

        Cholesky.invertInPlace(matrix);

        assertThat(matrix[0][0]).isCloseTo(0.4f, within(1e-6f));
        assertThat(matrix[0][1]).isCloseTo(-0.2f, within(1e-6f));
        assertThat(matrix[1][0]).isCloseTo(-0.2f, within(1e-6f));
        assertThat(matrix[1][1]).isCloseTo(0.6f, within(1e-6f));
    }

    @Test
    void theProductWithTheOriginalIsTheIdentityAcrossSeveralBlocks() {
        // 150 rows span four blocks of 48, so the blocked phases and the block edges are all exercised.
        int n = 150;
        float[][] original = gram(n, 7);
        float[][] inverse = new float[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = original[i].clone();
        }

        Cholesky.invertInPlace(inverse);

        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += (double) original[i][k] * inverse[k][j];
                }
                assertThat(sum).as("(A A^-1)[%d][%d]", i, j).isCloseTo(i == j ? 1.0 : 0.0, within(1e-4));
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertThatThrownBy(() -> Cholesky.invertInPlace(new float[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("positive definite");
    }

    @Test
    void solvesASystemToDoublePrecisionThoughTheFactorIsSingle() {
        // 150 unknowns: the factor spans several blocks; single precision alone leaves residuals near 1e-6.
        int n = 150;
        float[][] gram = gram(n, 11);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = gram[i][j];
            }
        }
        SplittableRandom random = new SplittableRandom(3);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = random.nextGaussian();
        }
        double[] before = a.clone();

        double[] x = Cholesky.solve(a, b, n);

        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += a[i * n + j] * x[j];
            }
            assertThat(sum).as("(A x)[%d]", i).isCloseTo(b[i], within(1e-12));
        }
        assertThat(a).as("the matrix is left as it was").containsExactly(before);
    }

    @Test
    void aSolveReadsOnlyTheUpperTriangle() {
        // [[4, 2], [2, 3]] x = [2, 1] has x = [0.5, 0]; the lower cell holds garbage that must not matter.
        double[] x = Cholesky.solve(new double[] {4, 2, -99, 3}, new double[] {2, 1}, 2);

        assertThat(x).containsExactly(new double[] {0.5, 0.0}, within(1e-15));
    }

    @Test
    void aSolveRefusesAMatrixThatIsNotPositiveDefiniteOrNotSquare() {
        assertThatThrownBy(() -> Cholesky.solve(new double[] {1, 2, 2, 1}, new double[] {1, 1}, 2))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("positive definite");
        assertThatThrownBy(() -> Cholesky.solve(new double[] {1, 0, 0}, new double[] {1, 1}, 2))
                .isInstanceOf(InvalidFieldException.class);
    }

    /** {@code X^T X + 10 I} for a random binary 200×n X: the shape of matrix EASE inverts. */
    private static float[][] gram(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] x = new boolean[200][n];
        for (boolean[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble() < 0.1;
            }
        }
        float[][] g = new float[n][n];
        for (boolean[] row : x) {
            for (int i = 0; i < n; i++) {
                if (row[i]) {
                    for (int j = 0; j < n; j++) {
                        if (row[j]) {
                            g[i][j]++;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i][i] += 10;
        }
        return g;
    }
}
