package io.tandem.domain.retrieval;

import java.util.Arrays;

import static io.tandem.domain.retrieval.CholeskyRows.BLOCK;
import static io.tandem.domain.retrieval.CholeskyRows.axpy;
import static io.tandem.domain.retrieval.CholeskyRows.chunks;

/**
 * The two O(n³) phases of {@link Cholesky#invertInPlace} after the factor: the inverse of the lower factor, then
 * its product with its own transpose, both written over the matrix's rows so that no second n×n matrix is needed.
 */
final class CholeskyInverse {

    private CholeskyInverse() {
    }

    /**
     * {@code Z = L^-1} for {@code L = U^T}: the strict lower triangle of row i takes Z's row i, the diagonal goes
     * to {@code zDiagonal}; U (upper triangle) stays readable throughout because only lower cells are written.
     */
    static void invertLowerFactor(float[][] a, float[] zDiagonal) {
        int n = a.length;
        float[][] block = new float[BLOCK][n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            final int from = i0;
            for (int i = i0; i < i1; i++) {
                Arrays.fill(block[i - i0], 0, i, 0f);
            }
            // Contributions of the rows finished in earlier blocks: each of those rows is read once per chunk
            // and added to every row of the chunk while it sits in the L1 cache.
            chunks(i0, i1, true, (lo, hi) -> {
                for (int k = 0; k < from; k++) {
                    float[] rowK = a[k];
                    for (int i = lo; i < hi; i++) {
                        float l = rowK[i];
                        if (l != 0) {
                            addRow(block[i - from], l, rowK, k, k, zDiagonal);
                        }
                    }
                }
            });
            for (int i = i0; i < i1; i++) {
                float[] out = block[i - i0];
                for (int k = i0; k < i; k++) {
                    float l = a[k][i];
                    if (l != 0) {
                        addRow(out, l, a[k], k, k, zDiagonal);
                    }
                }
                float[] rowI = a[i];
                float diagonal = rowI[i];
                float scale = -1f / diagonal;
                for (int c = 0; c < i; c++) {
                    rowI[c] = out[c] * scale;
                }
                zDiagonal[i] = 1f / diagonal;
            }
        }
    }

    /**
     * {@code P = Z^T Z}, lower triangle, written over Z: P's row i needs Z's rows i and later only, so a block
     * of rows is computed into a buffer and then replaces the Z rows no later block needs.
     */
    static void multiplyTransposedInverse(float[][] a, float[] zDiagonal) {
        int n = a.length;
        float[][] block = new float[BLOCK][n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            final int from = i0;
            chunks(i0, i1, true, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    Arrays.fill(block[i - from], 0, i + 1, 0f);
                }
                for (int k = lo; k < n; k++) {
                    float[] rowK = a[k];
                    for (int i = lo; i < Math.min(hi, k + 1); i++) {
                        // P[i][0..i] += Z[k][i] * Z[k][0..i]; Z[k][k] lives in zDiagonal.
                        float z = k == i ? zDiagonal[i] : rowK[i];
                        if (z != 0) {
                            addRow(block[i - from], z, rowK, k, i, zDiagonal);
                        }
                    }
                }
            });
            for (int i = i0; i < i1; i++) {
                System.arraycopy(block[i - i0], 0, a[i], 0, i + 1);
            }
        }
    }

    /**
     * {@code target[0..last] += f * Z[k][0..last]} for {@code last <= k}: Z's row k is its strict lower cells
     * (in {@code rowK}) with the diagonal kept apart in {@code zDiagonal}.
     */
    private static void addRow(float[] target, float f, float[] rowK, int k, int last, float[] zDiagonal) {
        if (last < k) {
            axpy(target, f, rowK, 0, last + 1);
        } else {
            axpy(target, f, rowK, 0, k);
            target[k] += f * zDiagonal[k];
        }
    }
}
