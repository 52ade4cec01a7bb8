package io.tandem.domain.retrieval.training;

import io.tandem.domain.InvalidFieldException;

/**
 * Settings of EASE: the L2 {@code lambda} on the item-item weights, and {@code maxItems}, the largest catalogue
 * solved in closed form. Memory is about {@code 4 * maxItems²} bytes and time grows with its cube; a larger
 * catalogue is solved over its {@code maxItems} most popular items, the rest scored below every one of them.
 */
public record EaseParameters(double lambda, int maxItems) {

    public EaseParameters {
        if (!(lambda > 0)) {
            throw new InvalidFieldException("ease.lambda", "must be positive");
        }
        if (maxItems < 1 || maxItems > 30_000) {
            throw new InvalidFieldException("ease.max-items", "must be between 1 and 30000 (4 * n² bytes)");
        }
    }

    /**
     * Lambda 500 (chosen on validation splits inside the MovieLens 100K training files) and at most 5,000 items
     * in closed form: 100 MB, and a few seconds per solve on two cores.
     */
    public static EaseParameters defaults() {
        return new EaseParameters(500, 5_000);
    }
}
