/**
 * The {@code tandem experiments} commands (issue 13): create, list, show (with the read-out), start and stop
 * experiments in the configured experiment store, through the experiments feature's inbound ports.
 */
package io.tandem.adapters.in.cli.experiments;
