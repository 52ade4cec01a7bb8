package io.tandem.domain.interaction;

import io.tandem.domain.CanonicalText;

/** An event's idempotency key: the same id twice is the same event, counted once. Canonical text (ADR-0019). */
public record EventId(String value) {

    public EventId {
        CanonicalText.requireId("id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
