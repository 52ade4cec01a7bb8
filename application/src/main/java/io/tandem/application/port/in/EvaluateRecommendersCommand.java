package io.tandem.application.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.EvaluationProgress;
import io.tandem.domain.evaluation.Split;

import java.util.List;
import java.util.Objects;

/**
 * Evaluate on {@code dataset}'s folds with metrics at cut-off {@code k}. Each of {@code rankerHoldouts} cuts a
 * fold's training part once more, so the ranker learns from items the retrievers did not see, the way the test
 * part relates to the training part (random for random folds, temporal for a temporal protocol); several cuts
 * give the ranker more labelled groups. {@code progress} hears about each model and fold as it is evaluated.
 */
public record EvaluateRecommendersCommand(EvaluationDataset dataset, int k, List<Split> rankerHoldouts,
                                          EvaluationProgress progress) {

    public static final int MAX_K = 1_000;

    public EvaluateRecommendersCommand {
        Objects.requireNonNull(dataset, "dataset");
        rankerHoldouts = List.copyOf(Objects.requireNonNull(rankerHoldouts, "rankerHoldouts"));
        if (rankerHoldouts.isEmpty()) {
            throw new InvalidFieldException("rankerHoldouts", "at least one split is needed to train the ranker");
        }
        Objects.requireNonNull(progress, "progress");
        if (k < 1 || k > MAX_K) {
            throw new InvalidFieldException("k", "must be between 1 and " + MAX_K);
        }
    }
}
