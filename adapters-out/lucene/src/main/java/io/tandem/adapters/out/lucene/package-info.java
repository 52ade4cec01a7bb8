/**
 * Approximate nearest-neighbour search over item embeddings with Lucene 9.12 HNSW graphs (the last Lucene line
 * that runs on Java 17): {@link io.tandem.adapters.out.lucene.LuceneHnswIndexAdapter} builds indexes in memory or
 * in a folder, searches them from many threads and drops them when a newer model replaces them.
 */
package io.tandem.adapters.out.lucene;
