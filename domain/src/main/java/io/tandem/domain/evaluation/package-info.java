/**
 * Offline evaluation: splits of an interaction log into training and test folds, ranking metrics at a cut-off
 * (precision, recall, NDCG, MAP, MRR, hit rate), AUC over every unseen item, catalogue coverage, the full
 * ranking of a model's unseen items that they judge ({@link io.tandem.domain.evaluation.FullRanking}), and their
 * averages over users and then over folds.
 */
package io.tandem.domain.evaluation;
