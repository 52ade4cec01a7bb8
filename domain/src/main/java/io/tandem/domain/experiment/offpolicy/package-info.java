/**
 * Off-policy evaluation: the click-through rate a new policy would have had, estimated from records logged
 * under another policy with the propensity of every logged action. Inverse propensity scoring, its
 * self-normalised form and the doubly robust estimator, each with a normal confidence interval; the target
 * policy and the reward model are plain functions.
 */
package io.tandem.domain.experiment.offpolicy;
