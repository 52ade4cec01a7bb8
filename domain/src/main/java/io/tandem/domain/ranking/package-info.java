/**
 * Rankings: the ordered answer for one request, item by item with score, rank and provenance, and how it is
 * ordered: the feature rows of (user, item) pairs a ranker reads and the per-item statistics behind them (one code
 * path for training, evaluation and serving), the score order, and the diversity re-rank.
 */
package io.tandem.domain.ranking;
