package io.tandem.adapters.out.training;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Inverts a symmetric positive-definite matrix in place through its Cholesky factor, using no second n×n matrix
 * so that memory stays at 4·n² bytes. Rows are separate arrays because the JIT vectorises {@code y[j] += a * x[j]}
 * only when both arrays use the same index; the three O(n³) phases (factor, triangular inverse, product) are
 * blocked row updates built from that loop, with a block's rows spread over the cores. Results do not depend on
 * the number of threads. Single precision suffices for the ridge-regularised Gram matrices it is used on.
 */
final class SpdInverse {

    /** Rows per block: one block's rows stay in the L2 cache while the rows they combine with stream past. */
    private static final int BLOCK = 48;

    /** Parallel tasks per block: a few per core, so an uneven block still keeps both cores busy. */
    private static final int CHUNKS = 4;

    private SpdInverse() {
    }

    /**
     * Replaces {@code rows} (a square matrix, one array per row) by its inverse. Only the upper triangle (with the
     * diagonal) of the input is read.
     *
     * @throws InvalidFieldException when the matrix is not positive definite
     */
    static void invertInPlace(float[][] rows) {
        int n = rows.length;
        for (float[] row : rows) {
            if (row.length != n) {
                throw new InvalidFieldException("matrix", "must be square, " + n + "x" + n);
            }
        }
        choleskyUpper(rows);
        float[] zDiagonal = new float[n];
        invertLowerFactor(rows, zDiagonal);
        multiplyTransposedInverse(rows, zDiagonal);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                rows[j][i] = rows[i][j];
            }
        }
    }

    /** {@code A = U^T U}: U overwrites the upper triangle, right-looking by panels of {@link #BLOCK} rows. */
    private static void choleskyUpper(float[][] a) {
        int n = a.length;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(k0 + BLOCK, n);
            for (int k = k0; k < k1; k++) {
                float[] rowK = a[k];
                float pivot = rowK[k];
                if (!(pivot > 0)) {
                    throw new InvalidFieldException("matrix", "is not positive definite (pivot " + k + ")");
                }
                float d = (float) Math.sqrt(pivot);
                rowK[k] = d;
                float inverse = 1f / d;
                for (int j = k + 1; j < n; j++) {
                    rowK[j] *= inverse;
                }
                for (int i = k + 1; i < k1; i++) {
                    axpy(a[i], -rowK[i], rowK, i, n);
                }
            }
            final int from = k0;
            final int to = k1;
            // Each trailing row takes the whole panel's update; rows are independent of each other.
            chunks(to, n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    float[] rowI = a[i];
                    for (int k = from; k < to; k++) {
                        float f = a[k][i];
                        if (f != 0) {
                            axpy(rowI, -f, a[k], i, n);
                        }
                    }
                }
            });
        }
    }

    /**
     * {@code Z = L^-1} for {@code L = U^T}: the strict lower triangle of row i takes Z's row i, the diagonal goes
     * to {@code zDiagonal}; U (upper triangle) stays readable throughout because only lower cells are written.
     */
    private static void invertLowerFactor(float[][] a, float[] zDiagonal) {
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
            chunks(i0, i1, (lo, hi) -> {
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
    private static void multiplyTransposedInverse(float[][] a, float[] zDiagonal) {
        int n = a.length;
        float[][] block = new float[BLOCK][n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            final int from = i0;
            chunks(i0, i1, (lo, hi) -> {
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

    /** {@code y[j] += alpha * x[j]} for j in [from, to): the loop the JIT turns into SIMD instructions. */
    static void axpy(float[] y, float alpha, float[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] += alpha * x[j];
        }
    }

    /** Runs {@code body} over [from, to) cut into a few chunks of rows, the chunks in parallel. */
    private static void chunks(int from, int to, ChunkBody body) {
        int size = Math.max(1, (to - from + CHUNKS - 1) / CHUNKS);
        IntStream.range(0, CHUNKS).parallel().forEach(c -> {
            int lo = from + c * size;
            int hi = Math.min(to, lo + size);
            if (lo < hi) {
                body.run(lo, hi);
            }
        });
    }

    /** One chunk of rows, {@code [lo, hi)}. */
    @FunctionalInterface
    private interface ChunkBody {
        void run(int lo, int hi);
    }
}
