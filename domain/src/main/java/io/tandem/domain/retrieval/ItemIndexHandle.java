package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * Names a built nearest-neighbour index of item vectors, so that searches and its release refer to it without
 * knowing the technology behind it; it also says what queries it accepts.
 */
public record ItemIndexHandle(String id, int itemCount, int dimension, VectorSimilarity similarity) {

    public ItemIndexHandle {
        id = InvalidFieldException.requireText("index", id);
        if (itemCount < 0) {
            throw new InvalidFieldException("index.itemCount", "must not be negative");
        }
        if (dimension < 1) {
            throw new InvalidFieldException("index.dimension", "must be 1 or more");
        }
        Objects.requireNonNull(similarity, "similarity");
    }
}
