/**
 * Offline evaluation: splits of an interaction log into training and test folds, ranking metrics at a cut-off
 * (precision, recall, NDCG, MAP, MRR, hit rate), AUC over every unseen item, catalogue coverage, and their
 * averages over users and then over folds.
 */
package io.tandem.domain.evaluation;
