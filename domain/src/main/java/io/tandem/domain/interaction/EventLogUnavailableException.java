package io.tandem.domain.interaction;

import java.time.Duration;

/** The event log cannot accept events now; nothing of the failed append is durable. Callers retry later. */
public final class EventLogUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public EventLogUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** A hint for when to try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
