/**
 * The benchmarks of {@code tandem bench ...}: most run against a Tandem started by the command itself; {@code bench
 * experiment} runs the domain's experiment simulation in process.
 */
package io.tandem.adapters.in.cli.bench;
