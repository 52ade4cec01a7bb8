/** Offline evaluation of each retriever and of the two-stage system over folds (ADR-0014). */
package io.tandem.application.evaluation;
