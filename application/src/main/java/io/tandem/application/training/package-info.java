/**
 * Training runs: the lake read into interactions, retrievers and the ranker trained, measured on a hold-out,
 * registered, promoted when they win and swapped into serving (ADR-0016, ADR-0021, ADR-0022).
 */
package io.tandem.application.training;
