/**
 * The experiments feature's use cases: create, list, show (with the read-out), start and stop an experiment, and
 * assign a user to a variant of the experiment running where a request comes from, and attribute follow-up events
 * to the lists they quote, and recompute an experiment's online metrics from the lake.
 */
package io.tandem.application.experiment.port.in;
