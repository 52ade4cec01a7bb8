package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.attribution.OnlineMetrics;

import java.util.List;

/**
 * Stores the latest figures of some metric cells, each replacing the stored cell of the same experiment, group and
 * day (or whole experiment). The attribution aggregate that computes them can always be rebuilt from the lake
 * (ADR-0026), so a cell is a snapshot, never a running total kept only here.
 */
@FunctionalInterface
public interface SaveOnlineMetricsPort {

    void saveOnlineMetrics(List<OnlineMetrics> cells);
}
