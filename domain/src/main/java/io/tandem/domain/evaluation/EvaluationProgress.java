package io.tandem.domain.evaluation;

import java.util.Map;

/** Hears about an evaluation as it goes, one model and fold at a time, so long runs can show progress. */
@FunctionalInterface
public interface EvaluationProgress {

    /** Ignores every step. */
    EvaluationProgress NONE = (model, fold, folds, metrics, trainSeconds) -> { };

    /**
     * @param fold         1-based number of the fold just evaluated
     * @param metrics      the model's means on that fold
     * @param trainSeconds the model's training time on that fold
     */
    void modelEvaluated(String model, int fold, int folds, Map<String, Double> metrics, double trainSeconds);
}
