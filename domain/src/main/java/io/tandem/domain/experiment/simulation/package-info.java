/**
 * A seeded simulation of online experiments: synthetic users with known tastes click what they like, discounted
 * by position, on lists from a good and a deliberately weakened ranking policy. One run drives the real
 * assignment, attribution, read-out and sequential test as an A/B test, and team-draft interleaving beside it;
 * a study repeats runs over seeds and scenarios and reports error rates and the impressions each method needed.
 */
package io.tandem.domain.experiment.simulation;
