package io.tandem.domain.interaction;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an event happened: the surface (home, search, ...), the recommendation request that showed the
 * item, and the 1-based position it was shown at. Every part is optional.
 */
public record EventContext(Optional<String> surface, Optional<String> requestId, OptionalInt position) {

    public static final EventContext NONE = new EventContext(Optional.empty(), Optional.empty(), OptionalInt.empty());

    public EventContext {
        surface = Objects.requireNonNull(surface, "surface").filter(s -> !s.isBlank());
        requestId = Objects.requireNonNull(requestId, "requestId").filter(s -> !s.isBlank());
        Objects.requireNonNull(position, "position");
        if (position.isPresent() && position.getAsInt() < 1) {
            throw new InvalidFieldException("context.position", "must be 1 or more");
        }
    }
}
