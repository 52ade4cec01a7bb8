package io.tandem.application.experiment.port.out;

import io.tandem.domain.interaction.Event;

import java.util.List;
import java.util.Objects;

/**
 * What a metric store holds for one request in one generation of its experiment's cells (ADR-0026, amended): the
 * follow-ups already counted, and a version that every change of the request moves on, so that two writers cannot
 * both count from the same state.
 */
public record AttributionState(String experiment, long generation, String requestId, long version,
                               List<Event> followUps) {

    public AttributionState {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(requestId, "requestId");
        followUps = List.copyOf(followUps);
    }
}
