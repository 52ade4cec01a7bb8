package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Tandem's one solver for symmetric positive-definite systems, built on a single-precision Cholesky factor
 * {@code A = UᵀU} computed in place over row arrays, using no second n×n matrix so that memory stays at 4·n² bytes.
 * It serves EASE, which inverts an item-item Gram matrix of thousands of rows ({@link #invertInPlace}), and the
 * iALS fold-in, which solves one small system per request to double accuracy ({@link #solve}).
 *
 * <p>Rows are separate arrays because the JIT vectorises {@code y[j] += a * x[j]} only when both arrays use the
 * same index; the three O(n³) phases of the inverse (factor, triangular inverse, product) are blocked row updates
 * built from that loop, with a block's rows spread over the cores. Results do not depend on the number of threads.
 * Single precision suffices for the ridge-regularised Gram matrices it inverts; a solve refines its answer in
 * double precision instead (mixed-precision iterative refinement, as LAPACK's {@code DSPOSV}).
 */
public final class Cholesky {

    /** Rows per block: one block's rows stay in the L2 cache while the rows they combine with stream past. */
    private static final int BLOCK = 48;

    /** Parallel tasks per block: a few per core, so an uneven block still keeps both cores busy. */
    private static final int CHUNKS = 4;

    /** LAPACK's bound on refinement steps; a well-conditioned system needs two or three. */
    private static final int MAX_REFINEMENTS = 30;

    /** The unit round-off of double precision. */
    private static final double DOUBLE_EPSILON = Math.ulp(1.0) / 2;

    private Cholesky() {
    }

    /**
     * Replaces {@code rows} (a square matrix, one array per row) by its inverse, spreading the work over the
     * common pool. Only the upper triangle (with the diagonal) of the input is read.
     *
     * @throws InvalidFieldException when the matrix is not positive definite
     */
    public static void invertInPlace(float[][] rows) {
        int n = rows.length;
        requireSquare(rows);
        factor(rows, true);
        float[] zDiagonal = new float[n];
        invertLowerFactor(rows, zDiagonal);
        multiplyTransposedInverse(rows, zDiagonal);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                rows[j][i] = rows[i][j];
            }
        }
    }

    /**
     * Solves {@code A x = b} on the calling thread: the single-precision factor gives a first answer, and
     * corrections solved from residuals computed in double precision refine it until the residual is as small as
     * double precision allows (or stops shrinking). For the ridge-regularised systems it is used on, that is a
     * few steps of O(n²) each after the O(n³) factor.
     *
     * @param a row-major n×n, of which only the upper triangle (with the diagonal) is read; left unchanged
     * @param b the right side, length n; left unchanged
     * @throws InvalidFieldException when the matrix is not positive definite
     */
    public static double[] solve(double[] a, double[] b, int n) {
        if (n < 0 || a.length != n * n || b.length != n) {
            throw new InvalidFieldException("matrix", "must be " + n + "x" + n + " with a right side of " + n);
        }
        float[][] u = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                u[i][j] = (float) a[i * n + j];
            }
        }
        factor(u, false);
        double tolerance = infinityNorm(a, n) * DOUBLE_EPSILON * Math.sqrt(n);
        double[] x = new double[n];
        double[] residual = b.clone();
        double residualNorm = maxAbs(residual);
        double[] step = new double[n];
        double[] next = new double[n];
        double[] nextResidual = new double[n];
        for (int iteration = 0; iteration < MAX_REFINEMENTS && residualNorm > 0; iteration++) {
            substitute(u, residual, step);
            for (int i = 0; i < n; i++) {
                next[i] = x[i] + step[i];
            }
            residualOf(a, b, next, nextResidual, n);
            double nextNorm = maxAbs(nextResidual);
            if (iteration > 0 && !(nextNorm < residualNorm)) {
                // The factor is too coarse for this system: the last answer is the best one.
                break;
            }
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(nextResidual, 0, residual, 0, n);
            residualNorm = nextNorm;
            if (residualNorm <= maxAbs(x) * tolerance) {
                break;
            }
        }
        return x;
    }

    private static void requireSquare(float[][] rows) {
        int n = rows.length;
        for (float[] row : rows) {
            if (row.length != n) {
                throw new InvalidFieldException("matrix", "must be square, " + n + "x" + n);
            }
        }
    }

    /**
     * {@code A = UᵀU}: U overwrites the upper triangle, right-looking by panels of {@link #BLOCK} rows, the
     * trailing rows of each panel in parallel when {@code parallel}.
     */
    private static void factor(float[][] a, boolean parallel) {
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
            chunks(to, n, parallel, (lo, hi) -> {
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
     * {@code Uᵀ y = r}, then {@code U x = y}, in single precision as the factor is; {@code x} takes the answer.
     * Both sweeps walk U by rows, the forward one subtracting each solved {@code y[p]} from the cells still open.
     */
    private static void substitute(float[][] u, double[] r, double[] x) {
        int n = u.length;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) r[i];
        }
        for (int p = 0; p < n; p++) {
            float[] row = u[p];
            float solved = y[p] / row[p];
            y[p] = solved;
            axpy(y, -solved, row, p + 1, n);
        }
        for (int i = n - 1; i >= 0; i--) {
            float[] row = u[i];
            float sum = y[i];
            for (int j = i + 1; j < n; j++) {
                sum -= row[j] * y[j];
            }
            y[i] = sum / row[i];
            x[i] = y[i];
        }
    }

    /** {@code out = b - A x} in double precision, A read from its upper triangle row by row. */
    private static void residualOf(double[] a, double[] b, double[] x, double[] out, int n) {
        System.arraycopy(b, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double xi = x[i];
            double sum = out[i] - a[row + i] * xi;
            for (int j = i + 1; j < n; j++) {
                double aij = a[row + j];
                sum -= aij * x[j];
                out[j] -= aij * xi;
            }
            out[i] = sum;
        }
    }

    /** The largest absolute row sum of the symmetric matrix whose upper triangle {@code a} holds. */
    private static double infinityNorm(double[] a, int n) {
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < i; j++) {
                sum += Math.abs(a[j * n + i]);
            }
            for (int j = i; j < n; j++) {
                sum += Math.abs(a[i * n + j]);
            }
            largest = Math.max(largest, sum);
        }
        return largest;
    }

    private static double maxAbs(double[] values) {
        double largest = 0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
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
    private static void multiplyTransposedInverse(float[][] a, float[] zDiagonal) {
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

    /** {@code y[j] += alpha * x[j]} for j in [from, to): the loop the JIT turns into SIMD instructions. */
    private static void axpy(float[] y, float alpha, float[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] += alpha * x[j];
        }
    }

    /**
     * Runs {@code body} over [from, to): cut into a few chunks of rows run in parallel, or in one piece on the
     * calling thread. Each row is written by one chunk only, so the result is the same either way.
     */
    private static void chunks(int from, int to, boolean parallel, ChunkBody body) {
        if (!parallel) {
            if (from < to) {
                body.run(from, to);
            }
            return;
        }
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
