package io.tandem.adapters.out.redis;

/**
 * Redis did not answer in time, refused the command, or could not be reached; nothing is known to have
 * changed, and callers fall back or retry (writes are idempotent per event id).
 */
public final class OnlineStoreUnavailableException extends RuntimeException {

    public OnlineStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
