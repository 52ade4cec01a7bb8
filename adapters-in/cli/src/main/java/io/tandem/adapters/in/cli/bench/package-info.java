/** Benchmarks run against a Tandem started by the command itself: {@code tandem bench ...}. */
package io.tandem.adapters.in.cli.bench;
