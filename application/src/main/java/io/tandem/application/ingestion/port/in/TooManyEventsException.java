package io.tandem.application.ingestion.port.in;

import io.tandem.domain.InvalidFieldException;

/** A batch larger than a caller may send in one request; callers split it. */
public final class TooManyEventsException extends InvalidFieldException {

    private final int limit;

    public TooManyEventsException(int size, int limit) {
        super("events", "a batch holds at most " + limit + " events, got " + size);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
