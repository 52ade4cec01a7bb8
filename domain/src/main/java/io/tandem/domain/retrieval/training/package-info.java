/**
 * Retriever training in plain Java on primitive arrays: time-decayed popularity (global and by the user's
 * categories), item-to-item neighbours by co-occurrence cosine, implicit alternating least squares (iALS)
 * embeddings and EASE, and the codec that stores the models they make. Each trainer takes its hyper-parameters at
 * construction and offers {@code train(InteractionMatrix, ItemFacets)}; training is seeded and uses the cores
 * through parallel streams, with results that do not depend on the number of threads. These are algorithms over
 * domain types, not technology: bootstrap hands them to the application as its retriever-training and codec ports.
 */
package io.tandem.domain.retrieval.training;
