/**
 * The statistics of online experiments, written so that they do not lie when people look early and often:
 * distribution functions (normal, chi-squared), Wilson intervals for proportions, delta-method estimates for
 * ratio metrics and their differences, a mixture sequential probability ratio test whose p-value stays valid
 * under continuous monitoring, and the sample-ratio-mismatch check. Plain arithmetic on the JDK alone.
 */
package io.tandem.domain.experiment.statistics;
