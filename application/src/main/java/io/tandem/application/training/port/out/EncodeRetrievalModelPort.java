package io.tandem.application.training.port.out;

import io.tandem.domain.retrieval.RetrievalModel;

/** Turns a trained retriever into bytes for the artifact store, so serving instances can load it. */
@FunctionalInterface
public interface EncodeRetrievalModelPort {

    /** @throws io.tandem.domain.InvalidFieldException when the model is not one this codec knows */
    byte[] encode(RetrievalModel model);
}
