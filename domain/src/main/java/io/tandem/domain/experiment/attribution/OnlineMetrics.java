package io.tandem.domain.experiment.attribution;

import io.tandem.domain.experiment.statistics.RatioSums;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One variant's online metrics, for one day (UTC, by the time each list was served) or for the whole
 * experiment. The ratio sums are taken over users, the randomisation unit, so their delta-method estimates
 * ({@link RatioSums#estimate()}) give honest intervals and differences between variants.
 *
 * @param day   the day, or empty for the whole experiment
 * @param users        distinct users served
 * @param interleaving the per-request outcomes of interleaved lists ({@link InterleavingCounts#NONE} in A/B cells)
 */
public record OnlineMetrics(String experiment, String variant, Optional<LocalDate> day, long users,
                            EngagementCounts counts, ListQuality quality, Guardrails guardrails,
                            RatioSums clickThroughRate, RatioSums conversionRate, RatioSums valuePerImpression,
                            InterleavingCounts interleaving) {

    public OnlineMetrics {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(guardrails, "guardrails");
        Objects.requireNonNull(clickThroughRate, "clickThroughRate");
        Objects.requireNonNull(conversionRate, "conversionRate");
        Objects.requireNonNull(valuePerImpression, "valuePerImpression");
        Objects.requireNonNull(interleaving, "interleaving");
    }

    /** The cell of a group that serves one variant's lists. */
    public OnlineMetrics(String experiment, String variant, Optional<LocalDate> day, long users,
                         EngagementCounts counts, ListQuality quality, Guardrails guardrails,
                         RatioSums clickThroughRate, RatioSums conversionRate, RatioSums valuePerImpression) {
        this(experiment, variant, day, users, counts, quality, guardrails, clickThroughRate, conversionRate,
                valuePerImpression, InterleavingCounts.NONE);
    }
}
