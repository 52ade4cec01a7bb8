/**
 * Rankings: the ordered answer for one request, item by item with score, rank and provenance, and what a ranker
 * reads to order candidates: the feature rows of (user, item) pairs and the per-item statistics behind them,
 * built by one code path for training, evaluation and serving.
 */
package io.tandem.domain.ranking;
