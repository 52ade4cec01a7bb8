package io.tandem.application.evaluation.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.EvaluationProgress;

import java.util.Objects;

/**
 * Evaluate on {@code dataset}'s folds with metrics at cut-off {@code k}. {@code seed} seeds the ranker as a train
 * job with that seed does: its hold-out splits (the same for every protocol, so that the offline figure measures
 * the ranker that serves) and its training. {@code progress} hears about each model and fold as it is evaluated.
 */
public record EvaluateRecommendersCommand(EvaluationDataset dataset, int k, long seed, EvaluationProgress progress) {

    public static final int MAX_K = 1_000;

    public EvaluateRecommendersCommand {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(progress, "progress");
        if (k < 1 || k > MAX_K) {
            throw new InvalidFieldException("k", "must be between 1 and " + MAX_K);
        }
    }
}
