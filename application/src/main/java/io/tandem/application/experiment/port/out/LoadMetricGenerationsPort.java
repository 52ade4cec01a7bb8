package io.tandem.application.experiment.port.out;

import java.util.Map;
import java.util.Set;

/** The cell generations of some experiments; an experiment the store knows nothing of is at {@code FIRST}. */
@FunctionalInterface
public interface LoadMetricGenerationsPort {

    Map<String, MetricGenerations> loadMetricGenerations(Set<String> experiments);
}
