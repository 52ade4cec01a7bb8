/**
 * {@code tandem evaluate}: reads a public data set (MovieLens 100K, HetRec Last.fm 2K) into folds under a
 * protocol, runs the offline evaluation use case and prints and writes the metrics of every model.
 */
package io.tandem.adapters.in.cli.evaluate;
