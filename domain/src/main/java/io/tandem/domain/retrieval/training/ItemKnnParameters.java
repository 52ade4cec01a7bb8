package io.tandem.domain.retrieval.training;

import io.tandem.domain.InvalidFieldException;

/**
 * Settings of the item-to-item neighbour retriever: how many {@code neighbours} each item keeps (memory is
 * {@code 8 * neighbours} bytes per item), and a {@code shrink} term added to the cosine's denominator that damps
 * similarities resting on few common users.
 */
public record ItemKnnParameters(int neighbours, double shrink) {

    public ItemKnnParameters {
        if (neighbours < 1) {
            throw new InvalidFieldException("item-knn.neighbours", "must be 1 or more");
        }
        if (!(shrink >= 0)) {
            throw new InvalidFieldException("item-knn.shrink", "must not be negative");
        }
    }

    /** 200 neighbours, shrink 20: chosen on validation splits inside the MovieLens 100K training files. */
    public static ItemKnnParameters defaults() {
        return new ItemKnnParameters(200, 20);
    }
}
