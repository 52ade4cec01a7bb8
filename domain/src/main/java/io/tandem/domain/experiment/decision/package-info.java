/**
 * What an experiment decided about a challenger's model version, with the evidence the registry keeps beside the
 * version: promoted, won without promotion, lost or stopped (ADR-0025).
 */
package io.tandem.domain.experiment.decision;
