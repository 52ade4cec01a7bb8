package io.tandem.application.experiment;

import io.tandem.application.experiment.port.out.AddOnlineMetricsPort;
import io.tandem.application.experiment.port.out.ForgetAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadMetricGenerationsPort;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.RebuildOnlineMetricsPort;

import java.util.Objects;

/** The ports of the metric store that attribution and its rebuild write through (ADR-0026, amended). */
public record OnlineMetricsStore(LoadOnlineMetricsPort load, LoadAttributionStatesPort states,
                                 LoadMetricGenerationsPort generations, AddOnlineMetricsPort add,
                                 RebuildOnlineMetricsPort rebuild, ForgetAttributionStatesPort forget) {

    public OnlineMetricsStore {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(generations, "generations");
        Objects.requireNonNull(add, "add");
        Objects.requireNonNull(rebuild, "rebuild");
        Objects.requireNonNull(forget, "forget");
    }

    /** The ports of one adapter that implements them all. */
    public static <A extends LoadOnlineMetricsPort & LoadAttributionStatesPort & LoadMetricGenerationsPort
            & AddOnlineMetricsPort & RebuildOnlineMetricsPort & ForgetAttributionStatesPort> OnlineMetricsStore of(
            A adapter) {
        return new OnlineMetricsStore(adapter, adapter, adapter, adapter, adapter, adapter);
    }
}
