package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Offline metrics of one model version and the hold-out they were measured on. Two versions can only be
 * compared on the same hold-out: a metric from another time window says nothing about who is better.
 *
 * @param holdOut names the evaluation data, for example {@code temporal:2026-11-01..2026-11-08}
 * @param values  metric name (such as {@code ndcg@10}) to value, sorted by name
 */
public record ModelMetrics(String holdOut, Map<String, Double> values) {

    public ModelMetrics {
        holdOut = InvalidFieldException.requireText("metrics.holdOut", holdOut);
        Objects.requireNonNull(values, "values");
        Map<String, Double> sorted = new TreeMap<>();
        values.forEach((name, value) -> {
            String metric = InvalidFieldException.requireText("metrics", name);
            if (value == null || !Double.isFinite(value)) {
                throw new InvalidFieldException("metrics." + metric, "must be a finite number");
            }
            sorted.put(metric, value);
        });
        values = Collections.unmodifiableMap(sorted);
    }

    public OptionalDouble value(String metric) {
        Double value = values.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
