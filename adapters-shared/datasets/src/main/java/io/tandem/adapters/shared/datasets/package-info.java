/**
 * Adapter code that more than one adapter shares (ADR-0004): the readers of the public evaluation data sets
 * (MovieLens 100K folds and temporal split, HetRec Last.fm 2K) into the domain's evaluation splits, with the files
 * each protocol needs. {@code tandem evaluate} and {@code tandem bench quality} read the same splits through them,
 * so the offline figure and the served one are computed on the same interactions.
 */
package io.tandem.adapters.shared.datasets;
