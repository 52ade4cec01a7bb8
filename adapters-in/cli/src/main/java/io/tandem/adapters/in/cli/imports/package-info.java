/**
 * The {@code tandem import} commands: stream events files and public data sets (MovieLens 100K, HetRec Last.fm 2K)
 * through the inbound ports in bounded batches, reporting every refused line by its line number.
 */
package io.tandem.adapters.in.cli.imports;
