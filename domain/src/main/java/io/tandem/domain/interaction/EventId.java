package io.tandem.domain.interaction;

import io.tandem.domain.InvalidFieldException;

/** An event's idempotency key: the same id twice is the same event, counted once. */
public record EventId(String value) {

    public static final int MAX_LENGTH = 128;

    public EventId {
        value = InvalidFieldException.requireText("id", value);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidFieldException("id", "is longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
