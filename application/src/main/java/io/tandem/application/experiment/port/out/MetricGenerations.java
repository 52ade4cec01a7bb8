package io.tandem.application.experiment.port.out;

import java.util.List;
import java.util.OptionalLong;

/**
 * The generations of an experiment's cells: {@code current} is read and written; while a rebuild from the lake
 * runs, {@code building} is written too and replaces {@code current} when the rebuild finishes (ADR-0026, amended).
 */
public record MetricGenerations(long current, OptionalLong building) {

    /** An experiment nothing was stored for yet. */
    public static final MetricGenerations FIRST = new MetricGenerations(0, OptionalLong.empty());

    /** The generations a change must be written to: the current one, then the one being built. */
    public List<Long> written() {
        return building.isPresent() ? List.of(current, building.getAsLong()) : List.of(current);
    }
}
