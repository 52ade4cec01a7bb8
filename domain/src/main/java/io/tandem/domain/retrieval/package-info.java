/** Candidate retrieval: which items are worth ranking for a request, and which retriever proposed them. */
package io.tandem.domain.retrieval;
