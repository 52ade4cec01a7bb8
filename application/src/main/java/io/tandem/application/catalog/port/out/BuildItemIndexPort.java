package io.tandem.application.catalog.port.out;

import io.tandem.domain.retrieval.ItemIndexHandle;
import io.tandem.domain.retrieval.ItemVectors;
import io.tandem.domain.retrieval.VectorSimilarity;

/**
 * Builds a nearest-neighbour index over item vectors (typically a retriever's item embeddings), ready for
 * {@link SearchItemIndexPort} when this returns; release it with {@link DropItemIndexPort} once a newer model
 * replaces it.
 */
@FunctionalInterface
public interface BuildItemIndexPort {

    /**
     * @param items      the item ids and their vectors
     * @param similarity how queries will be compared with the items; {@link VectorSimilarity#DOT_PRODUCT} for
     *                   factor-model embeddings, whose scores are dot products
     * @throws io.tandem.domain.InvalidFieldException naming {@code dimension} when the index cannot hold vectors
     *                                               that long
     */
    ItemIndexHandle build(ItemVectors items, VectorSimilarity similarity);
}
