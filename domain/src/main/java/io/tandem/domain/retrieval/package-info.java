/**
 * Candidate retrieval: which items are worth ranking for a request, and which retriever proposed them. The
 * candidate generator merges the retrievers' top lists into one user's candidates, the same way for training,
 * evaluation and serving.
 */
package io.tandem.domain.retrieval;
