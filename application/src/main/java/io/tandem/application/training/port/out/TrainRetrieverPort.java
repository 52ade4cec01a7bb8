package io.tandem.application.training.port.out;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;

/**
 * Trains one candidate retriever (popularity, item neighbours, embeddings, ...) on a user×item matrix; the
 * algorithm and its hyper-parameters belong to the implementation. Same input and settings give the same model.
 */
@FunctionalInterface
public interface TrainRetrieverPort {

    /**
     * @param interactions who interacted with what (values and times included)
     * @param items        categories and creation times by item index, covering {@code interactions.itemCount()}
     * @return a model that scores every item for every user of {@code interactions}
     */
    RetrievalModel train(InteractionMatrix interactions, ItemFacets items);
}
