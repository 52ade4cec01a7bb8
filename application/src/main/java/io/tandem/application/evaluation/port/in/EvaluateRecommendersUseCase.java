package io.tandem.application.evaluation.port.in;

import io.tandem.domain.evaluation.EvaluationReport;

/** Trains every configured retriever and the two-stage system on each fold and reports their offline metrics. */
@FunctionalInterface
public interface EvaluateRecommendersUseCase {

    EvaluationReport evaluate(EvaluateRecommendersCommand command);
}
