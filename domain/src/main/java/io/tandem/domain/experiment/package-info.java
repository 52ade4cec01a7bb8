/**
 * Online experiments: an {@link io.tandem.domain.experiment.Experiment} splits users between
 * {@link io.tandem.domain.experiment.Variant}s (each serving the champion, a named model version or the
 * rule-based fallback, with optional serving options) by a stable hash of user and salt, with an optional
 * holdout; at most one experiment runs on a surface at a time. Sub-packages hold the statistics, the attribution
 * of follow-up events to served lists, interleaving, off-policy evaluation and a simulation of the whole.
 */
package io.tandem.domain.experiment;
