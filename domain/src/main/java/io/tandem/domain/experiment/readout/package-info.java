/**
 * The read-out of a running experiment: the champion and challenger variants' online metrics, the sample-ratio
 * check, the guardrails and the always-valid sequential test combined into one verdict (ship, stop, keep
 * running) with the evidence and the reasons a promotion would record.
 */
package io.tandem.domain.experiment.readout;
