package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.Objects;

/**
 * Computes a user vector at request time from the items the user just acted on, against fixed item vectors, so
 * that fresh behaviour personalises embedding retrieval without retraining.
 *
 * <p>It is the iALS user step (Hu, Koren and Volinsky 2008) for one user: with item vectors {@code Y}, an observed
 * item's confidence {@code c_i = 1 + alpha * w_i} (1 for every other item) and preference 1 on observed items,
 * {@code u = (YᵀY + λI + Σ alpha w_i y_i y_iᵀ)⁻¹ Σ (1 + alpha w_i) y_i}, the sums over the observed items only.
 * {@code YᵀY + λI} covers all items and is computed once here, so a fold costs O(n·d² + d³) for n recent items;
 * at d = 64 that is a few tens of microseconds. This is the exact minimiser of the same loss the trainer minimises,
 * so it reproduces the trained vector of a user whose recent items are their training items, which a weighted
 * mean of item vectors would not (it ignores the "all other items are weak negatives" part of the loss).
 * Instances are immutable and thread-safe.
 */
public final class UserFoldIn {

    /**
     * Each thread's copy of {@code base} to add a user's items to: 32 KB at d = 64, once per request, and read only
     * until {@link #fold} returns.
     */
    private static final ThreadLocal<double[]> SYSTEM = ThreadLocal.withInitial(() -> new double[0]);

    private final int dimension;
    private final float[] items;
    private final int itemCount;
    private final double alpha;
    /** {@code YᵀY + λI}, row-major d×d. */
    private final double[] base;

    private UserFoldIn(int dimension, float[] items, double alpha, double[] base) {
        this.dimension = dimension;
        this.items = items;
        this.itemCount = items.length / dimension;
        this.alpha = alpha;
        this.base = base;
    }

    /**
     * A fold-in against the item side of {@code embeddings}; {@code regularization} and {@code alpha} must be the
     * trainer's own (iALS {@code λ} and confidence scale), or folded vectors drift away from trained ones.
     */
    public static UserFoldIn of(Embeddings embeddings, double regularization, double alpha) {
        Objects.requireNonNull(embeddings, "embeddings");
        if (!(regularization > 0) || Double.isInfinite(regularization)) {
            throw new InvalidFieldException("regularization", "must be positive and finite");
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new InvalidFieldException("alpha", "must not be negative and finite");
        }
        int d = embeddings.dimension();
        float[] items = embeddings.items();
        double[] gram = new double[d * d];
        // Upper triangle only, mirrored afterwards: half the O(items·d²) work of the one expensive step.
        for (int offset = 0; offset < items.length; offset += d) {
            for (int a = 0; a < d; a++) {
                double va = items[offset + a];
                if (va == 0) {
                    continue;
                }
                int row = a * d;
                for (int b = a; b < d; b++) {
                    gram[row + b] += va * items[offset + b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            gram[a * d + a] += regularization;
            for (int b = a + 1; b < d; b++) {
                gram[b * d + a] = gram[a * d + b];
            }
        }
        return new UserFoldIn(d, items, alpha, gram);
    }

    public int dimension() {
        return dimension;
    }

    /**
     * The user vector for binary feedback: every listed item observed once with weight 1, as iALS with binary
     * confidence sees it; a repeated index counts once. All zeros when {@code items} is empty.
     *
     * @param items item indexes into the embeddings, in any order
     */
    public float[] fold(int[] items) {
        Objects.requireNonNull(items, "items");
        int[] distinct = Arrays.stream(items).distinct().toArray();
        float[] weights = new float[distinct.length];
        Arrays.fill(weights, 1f);
        return fold(distinct, weights);
    }

    /**
     * The user vector when observations carry weights (confidence {@code 1 + alpha * weight}, for example
     * {@code log(1 + plays)}); a repeated index adds its weights, as repeated events add up in a cell. All zeros
     * when {@code items} is empty.
     *
     * @param items   item indexes into the embeddings
     * @param weights a non-negative, finite weight per entry of {@code items}
     */
    public float[] fold(int[] items, float[] weights) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(weights, "weights");
        if (weights.length != items.length) {
            throw new InvalidFieldException("weights", "need one weight per item, " + items.length);
        }
        int d = dimension;
        double[] system = SYSTEM.get();
        if (system.length != base.length) {
            system = new double[base.length];
            SYSTEM.set(system);
        }
        System.arraycopy(base, 0, system, 0, base.length);
        double[] rightSide = new double[d];
        for (int k = 0; k < items.length; k++) {
            int item = items[k];
            if (item < 0 || item >= itemCount) {
                throw new InvalidFieldException("items", "index " + item + " is outside 0.." + (itemCount - 1));
            }
            float weight = weights[k];
            if (!(weight >= 0) || Float.isInfinite(weight)) {
                throw new InvalidFieldException("weights", "must be non-negative and finite at " + k);
            }
            int offset = item * d;
            double extra = alpha * weight;
            // The right side is Σ c_i y_i: the alpha part of c_i adds up over repeated entries of an item, while
            // its 1 (preference 1 at base confidence) counts once per item, added below.
            for (int a = 0; a < d; a++) {
                double va = this.items[offset + a];
                rightSide[a] += extra * va;
                if (extra != 0 && va != 0) {
                    int row = a * d;
                    double scaled = extra * va;
                    for (int b = a; b < d; b++) {
                        system[row + b] += scaled * this.items[offset + b];
                    }
                }
            }
        }
        for (int item : distinctSorted(items)) {
            int offset = item * d;
            for (int a = 0; a < d; a++) {
                rightSide[a] += this.items[offset + a];
            }
        }
        // λ > 0 keeps the system positive definite; only its upper triangle was filled.
        double[] solved = Cholesky.solve(system, rightSide, d);
        float[] vector = new float[d];
        for (int a = 0; a < d; a++) {
            vector[a] = (float) solved[a];
        }
        return vector;
    }

    private static int[] distinctSorted(int[] items) {
        int[] sorted = items.clone();
        Arrays.sort(sorted);
        int size = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                sorted[size++] = sorted[k];
            }
        }
        return Arrays.copyOf(sorted, size);
    }
}
