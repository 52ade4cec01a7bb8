package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

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
        CholeskyRows.factor(rows, true);
        float[] zDiagonal = new float[n];
        CholeskyInverse.invertLowerFactor(rows, zDiagonal);
        CholeskyInverse.multiplyTransposedInverse(rows, zDiagonal);
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
        CholeskyRows.factor(u, false);
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
            CholeskyRows.axpy(y, -solved, row, p + 1, n);
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
}
