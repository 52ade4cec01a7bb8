package io.tandem.domain.experiment.decision;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.ExperimentNames;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.RatioSums;

import java.util.Objects;

/**
 * One variant's figures as a decision saw them, over the whole experiment.
 *
 * @param metric          the primary metric's estimate
 * @param metricInterval  its fixed-horizon {@value #CONFIDENCE_PERCENT} % interval (delta method over users);
 *                        unbounded while fewer than two users give it a variance
 * @param p99LatencyMillis the guardrail latency, 0 before any answer
 * @param fallbackShare   the share of answers the fallback gave
 */
public record VariantEvidence(String variant, long users, long impressions, double metric, Interval metricInterval,
                              double p99LatencyMillis, double fallbackShare) {

    public static final int CONFIDENCE_PERCENT = 95;

    public VariantEvidence {
        variant = ExperimentNames.canonical("variant", variant);
        if (users < 0 || impressions < 0) {
            throw new InvalidFieldException("users", "users and impressions must not be negative");
        }
        Objects.requireNonNull(metricInterval, "metricInterval");
        if (!Double.isFinite(metric) || !Double.isFinite(p99LatencyMillis) || !Double.isFinite(fallbackShare)) {
            throw new InvalidFieldException("metric", "figures must be finite numbers");
        }
    }

    /** The figures of a group that served nothing yet. */
    public static VariantEvidence none(String variant) {
        return new VariantEvidence(variant, 0, 0, 0, Interval.EVERYTHING, 0, 0);
    }

    /** The figures of {@code metrics} on {@code primary}. */
    public static VariantEvidence of(OnlineMetrics metrics, PrimaryMetric primary) {
        RatioSums sums = primary.of(metrics);
        boolean estimable = sums.units() >= 2 && sums.sumX() > 0;
        double value = sums.sumX() > 0 ? sums.estimate().value() : 0;
        Interval interval = estimable ? sums.estimate().interval(CONFIDENCE_PERCENT / 100.0) : Interval.EVERYTHING;
        return new VariantEvidence(metrics.variant(), metrics.users(), metrics.counts().impressions(), value,
                interval, metrics.guardrails().p99LatencyMillis(), metrics.guardrails().fallbackShare());
    }
}
