package io.tandem.application.serving.port.out;

import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;

/**
 * Loads a retriever written by {@link io.tandem.application.training.port.out.EncodeRetrievalModelPort}; refuses
 * corrupt bytes clearly.
 */
@FunctionalInterface
public interface DecodeRetrievalModelPort {

    /**
     * @param items the facets of the items the model was trained on (category-aware retrievers read them)
     * @throws io.tandem.domain.InvalidFieldException naming {@code artifact} when the bytes are not a model
     */
    RetrievalModel decode(byte[] bytes, ItemFacets items);
}
