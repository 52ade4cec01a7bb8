/**
 * Recommendations, similar items and re-ranking by the champion loaded from its artifacts, hot-swapped, with the
 * rule-based fallback (ADR-0017, ADR-0018).
 */
package io.tandem.application.serving;
