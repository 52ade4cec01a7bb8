package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.RatioSums;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One group's online metrics (for a day or the whole experiment) with their {@value #CONFIDENCE_PERCENT} %
 * intervals: the delta method over users for the ratios (ADR-0025), Wilson's for the fallback share. They are
 * fixed-horizon intervals, right for one look at one group; the decision between groups rests on the always-valid
 * test of {@link VariantComparison}. An interval is unbounded while fewer than two users give it a variance.
 *
 * @param coverage the share of the catalogue served at least once; empty while the catalogue is empty
 */
public record VariantFigures(OnlineMetrics metrics, Interval clickThroughRate, Interval conversionRate,
                             Interval valuePerImpression, Interval fallbackShare, OptionalDouble coverage) {

    public static final int CONFIDENCE_PERCENT = 95;
    private static final double CONFIDENCE = CONFIDENCE_PERCENT / 100.0;

    public VariantFigures {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clickThroughRate, "clickThroughRate");
        Objects.requireNonNull(conversionRate, "conversionRate");
        Objects.requireNonNull(valuePerImpression, "valuePerImpression");
        Objects.requireNonNull(fallbackShare, "fallbackShare");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** The figures of {@code metrics}, coverage measured against a catalogue of {@code catalogItems}. */
    public static VariantFigures of(OnlineMetrics metrics, long catalogItems) {
        OptionalDouble coverage = catalogItems < 1 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1, metrics.quality().distinctItems() / (double) catalogItems));
        return new VariantFigures(metrics, interval(metrics.clickThroughRate()), interval(metrics.conversionRate()),
                interval(metrics.valuePerImpression()), metrics.guardrails().fallbackShareInterval(CONFIDENCE),
                coverage);
    }

    private static Interval interval(RatioSums sums) {
        return sums.units() < 2 || sums.sumX() == 0 ? Interval.EVERYTHING : sums.estimate().interval(CONFIDENCE);
    }
}
