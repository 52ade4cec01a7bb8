package io.tandem.domain.interaction;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an event happened: the surface (home, search, ...), the recommendation request that showed the
 * item, and the 1-based position it was shown at. Every part is optional; the surface and the request id are
 * canonical text like ids, and a position is at most {@value #MAX_POSITION} (ADR-0019).
 */
public record EventContext(Optional<String> surface, Optional<String> requestId, OptionalInt position) {

    public static final int MAX_POSITION = 1_000_000;

    public static final EventContext NONE = new EventContext(Optional.empty(), Optional.empty(), OptionalInt.empty());

    public EventContext {
        Objects.requireNonNull(surface, "surface").ifPresent(s -> CanonicalText.requireId("context.surface", s));
        Objects.requireNonNull(requestId, "requestId").ifPresent(r -> CanonicalText.requireId("context.requestId", r));
        Objects.requireNonNull(position, "position");
        if (position.isPresent() && (position.getAsInt() < 1 || position.getAsInt() > MAX_POSITION)) {
            throw new InvalidFieldException("context.position", "must be between 1 and " + MAX_POSITION);
        }
    }
}
