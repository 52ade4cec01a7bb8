package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;

import java.util.List;
import java.util.Objects;

/** The outcome of evaluating several models on the same folds of one data set, one row per model. */
public record EvaluationReport(String dataset, String protocol, int k, int folds, List<ModelEvaluation> models) {

    public EvaluationReport {
        dataset = InvalidFieldException.requireText("dataset", dataset);
        protocol = InvalidFieldException.requireText("protocol", protocol);
        RankingMetric.requireCutOff(k);
        if (folds < 1) {
            throw new InvalidFieldException("folds", "must be 1 or more");
        }
        models = List.copyOf(Objects.requireNonNull(models, "models"));
    }

    /** The row of {@code name}. */
    public ModelEvaluation model(String name) {
        return models.stream().filter(model -> model.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("model", "'" + name + "' was not evaluated"));
    }
}
