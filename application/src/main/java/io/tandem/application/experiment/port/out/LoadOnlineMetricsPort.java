package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.attribution.OnlineMetrics;

import java.util.List;

/**
 * The stored online metrics of one experiment: for each group (variant or holdout) its whole-experiment cell (no
 * day) and one cell per day, ordered by variant, then day, the whole-experiment cell first.
 */
@FunctionalInterface
public interface LoadOnlineMetricsPort {

    List<OnlineMetrics> loadOnlineMetrics(String experiment);
}
