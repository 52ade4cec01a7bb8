package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.stream.IntStream;

/**
 * The row kernels of {@link Cholesky}: the blocked factorisation {@code A = UᵀU} over row arrays, the vectorisable
 * row update they are built from, and the spreading of a block's rows over the cores. Results do not depend on the
 * number of threads: each row is written by one task only.
 */
final class CholeskyRows {

    /** Rows per block: one block's rows stay in the L2 cache while the rows they combine with stream past. */
    static final int BLOCK = 48;

    /** Parallel tasks per block: a few per core, so an uneven block still keeps both cores busy. */
    private static final int CHUNKS = 4;

    private CholeskyRows() {
    }

    /**
     * {@code A = UᵀU}: U overwrites the upper triangle, right-looking by panels of {@link #BLOCK} rows, the
     * trailing rows of each panel in parallel when {@code parallel}.
     */
    static void factor(float[][] a, boolean parallel) {
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

    /** {@code y[j] += alpha * x[j]} for j in [from, to): the loop the JIT turns into SIMD instructions. */
    static void axpy(float[] y, float alpha, float[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] += alpha * x[j];
        }
    }

    /**
     * Runs {@code body} over [from, to): cut into a few chunks of rows run in parallel, or in one piece on the
     * calling thread. Each row is written by one chunk only, so the result is the same either way.
     */
    static void chunks(int from, int to, boolean parallel, ChunkBody body) {
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
    interface ChunkBody {
        void run(int lo, int hi);
    }
}
