package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.attribution.CellIncrement;
import io.tandem.domain.interaction.Event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request's change in one generation: the store checks that the request's version is still
 * {@code expectedVersion} (0: the store holds nothing for it in that generation), appends {@code added} to its
 * follow-ups, moves its version on, keeps it until {@code expiresAt}, and adds {@code increment} to its day and
 * whole-experiment cells.
 */
public record RequestChange(String experiment, long generation, String requestId, long expectedVersion,
                            List<Event> added, Instant expiresAt, Optional<CellIncrement> increment) {

    public RequestChange {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(requestId, "requestId");
        added = List.copyOf(added);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(increment, "increment");
    }
}
