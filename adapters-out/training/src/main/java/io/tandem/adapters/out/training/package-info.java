/**
 * Retriever training in plain Java on primitive arrays: time-decayed popularity (global and by the user's
 * categories), item-to-item neighbours by co-occurrence cosine, implicit alternating least squares (iALS)
 * embeddings and EASE. Each adapter implements {@link io.tandem.application.port.out.TrainRetrieverPort} with its
 * hyper-parameters given at construction; training is seeded and uses the cores through parallel streams.
 */
package io.tandem.adapters.out.training;
