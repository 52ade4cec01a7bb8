package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.readout.InterleavingReadout;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.statistics.SampleRatio;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment and its read-out at {@code readAt}.
 *
 * @param metric       the primary metric the comparisons decide on
 * @param catalogItems the catalogue's size, against which coverage is measured
 * @param groups       each group's figures over the whole experiment, by group name (the holdout too)
 * @param days         each group's figures per day (UTC, by when the list was served), by group, then day
 * @param sampleRatio  users per group against the configured shares; a mismatch means no figure can be trusted
 * @param comparisons  each challenger against the control (the first variant); empty for a draft. In an
 *                     interleaving experiment, the one comparison is the second variant's preference over the first
 * @param interleaving the interleaving read-out (wins, ties, preference, decision); empty for A/B and drafts
 */
public record ExperimentReport(Experiment experiment, Instant readAt, PrimaryMetric metric, long catalogItems,
                               List<VariantFigures> groups, List<VariantFigures> days, SampleRatio sampleRatio,
                               List<VariantComparison> comparisons, Optional<InterleavingReadout> interleaving) {

    public ExperimentReport {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(metric, "metric");
        groups = List.copyOf(groups);
        days = List.copyOf(days);
        Objects.requireNonNull(sampleRatio, "sampleRatio");
        comparisons = List.copyOf(comparisons);
        Objects.requireNonNull(interleaving, "interleaving");
    }

    /** The read-out of an A/B experiment. */
    public ExperimentReport(Experiment experiment, Instant readAt, PrimaryMetric metric, long catalogItems,
                            List<VariantFigures> groups, List<VariantFigures> days, SampleRatio sampleRatio,
                            List<VariantComparison> comparisons) {
        this(experiment, readAt, metric, catalogItems, groups, days, sampleRatio, comparisons, Optional.empty());
    }
}
