package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model's row of an evaluation report: metric means (over users, then over folds), in report order, and the
 * seconds spent training it over all folds.
 */
public record ModelEvaluation(String name, Map<String, Double> metrics, double trainSeconds) {

    public ModelEvaluation {
        name = InvalidFieldException.requireText("model.name", name);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics")));
        if (!(trainSeconds >= 0)) {
            throw new InvalidFieldException("trainSeconds", "must not be negative");
        }
    }

    /** The row of a model evaluated on several folds: each metric is the mean of the fold means. */
    public static ModelEvaluation averageOf(String name, List<Map<String, Double>> folds, double trainSeconds) {
        if (folds.isEmpty()) {
            throw new InvalidFieldException("folds", "at least one fold is needed");
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (String metric : folds.get(0).keySet()) {
            double sum = 0;
            for (Map<String, Double> fold : folds) {
                Double value = fold.get(metric);
                if (value == null) {
                    throw new InvalidFieldException("folds", "fold lacks metric " + metric);
                }
                sum += value;
            }
            means.put(metric, sum / folds.size());
        }
        return new ModelEvaluation(name, means, trainSeconds);
    }

    /** The value of {@code metric}, failing clearly when the row has no such metric. */
    public double metric(String metric) {
        Double value = metrics.get(metric);
        if (value == null) {
            throw new InvalidFieldException("metric", "'" + metric + "' is not among " + metrics.keySet());
        }
        return value;
    }
}
