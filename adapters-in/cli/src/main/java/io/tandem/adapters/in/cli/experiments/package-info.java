/**
 * The {@code tandem experiments} commands (issue 13): create, list, show (with the read-out), start and stop
 * experiments in the configured experiment store, and recompute an experiment's online metrics from the lake,
 * through the experiments feature's inbound ports.
 */
package io.tandem.adapters.in.cli.experiments;
