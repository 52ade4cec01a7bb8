package io.tandem.domain.experiment.readout;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.RatioSums;

import java.util.Locale;
import java.util.function.Function;

/** The metric an experiment is decided on; higher is better for each. */
public enum PrimaryMetric {
    CLICK_THROUGH_RATE(OnlineMetrics::clickThroughRate),
    CONVERSION_RATE(OnlineMetrics::conversionRate),
    VALUE_PER_IMPRESSION(OnlineMetrics::valuePerImpression);

    private final Function<OnlineMetrics, RatioSums> sums;

    PrimaryMetric(Function<OnlineMetrics, RatioSums> sums) {
        this.sums = sums;
    }

    /** The per-user sums of this metric in {@code metrics}. */
    public RatioSums of(OnlineMetrics metrics) {
        return sums.apply(metrics);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a wire name such as {@code click-through-rate}, naming {@code field} when it is not one. */
    public static PrimaryMetric fromWireName(String field, String text) {
        String value = InvalidFieldException.requireText(field, text);
        for (PrimaryMetric metric : values()) {
            if (metric.wireName().equalsIgnoreCase(value)) {
                return metric;
            }
        }
        throw new InvalidFieldException(field, "'" + value
                + "' is not one of click-through-rate, conversion-rate, value-per-impression");
    }
}
