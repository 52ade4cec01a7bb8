package io.tandem.domain.experiment.readout;

import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.SampleRatio;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at an experiment: the verdict, why, and the evidence a promotion records.
 *
 * @param difference the primary metric, challenger minus champion, with its delta-method variance
 * @param test       the sequential test after this look; pass it to the next look
 * @param reasons    the reasons for the verdict, in words
 */
public record Readout(Verdict verdict, List<String> reasons, PrimaryMetric metric, Optional<Estimate> difference,
                      SequentialTest test, SampleRatio sampleRatio, OnlineMetrics champion,
                      OnlineMetrics challenger) {

    public Readout {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(sampleRatio, "sampleRatio");
        Objects.requireNonNull(champion, "champion");
        Objects.requireNonNull(challenger, "challenger");
    }
}
