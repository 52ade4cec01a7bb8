package io.tandem.domain.interaction;

import java.util.Objects;

/** Why the event at {@code index} of a batch was refused; the rest of the batch is unaffected. */
public record RejectedEvent(int index, String field, String message) {

    public RejectedEvent {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
