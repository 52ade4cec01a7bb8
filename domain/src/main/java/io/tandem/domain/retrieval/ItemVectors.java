package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Item embeddings keyed by item id, row-major ({@code vectors[k * dimension + d]} belongs to {@code items.get(k)}),
 * the input a nearest-neighbour index is built from. The array is shared, not copied: nobody may change it.
 */
public record ItemVectors(List<ItemId> items, int dimension, float[] vectors) {

    public ItemVectors {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(vectors, "vectors");
        if (dimension < 1) {
            throw new InvalidFieldException("dimension", "must be 1 or more");
        }
        if ((long) items.size() * dimension != vectors.length) {
            throw new InvalidFieldException("vectors", "has " + vectors.length + " values, expected "
                    + items.size() + " items × " + dimension);
        }
        Set<ItemId> seen = new HashSet<>(items.size() * 2);
        for (ItemId item : items) {
            if (!seen.add(item)) {
                throw new InvalidFieldException("items", "lists " + item + " twice");
            }
        }
        for (int p = 0; p < vectors.length; p++) {
            if (!Float.isFinite(vectors[p])) {
                throw new InvalidFieldException("vectors", "must be finite, item " + items.get(p / dimension));
            }
        }
    }

    /** The item side of {@code embeddings}, where {@code items.get(k)} is the item at index {@code k}. */
    public static ItemVectors of(List<ItemId> items, Embeddings embeddings) {
        Objects.requireNonNull(embeddings, "embeddings");
        return new ItemVectors(items, embeddings.dimension(), embeddings.items());
    }

    public int size() {
        return items.size();
    }
}
