/**
 * Team-draft interleaving (Radlinski, Kurup and Joachims 2008): two rankings merged into one list whose every
 * item belongs to the team that drafted it, the per-request winner decided by which team's items were clicked,
 * and the tally over users that says which ranking users prefer. One user sees both rankings, so it needs far
 * fewer users than an A/B test to tell them apart.
 */
package io.tandem.domain.experiment.interleaving;
