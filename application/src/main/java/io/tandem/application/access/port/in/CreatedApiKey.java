package io.tandem.application.access.port.in;

import io.tandem.domain.access.ApiKey;

import java.util.Objects;

/**
 * A key just created and the only copy of its full text ({@code token}), to be shown once to its creator.
 * {@link #toString()} leaves the token out, so the value is safe to log.
 */
public record CreatedApiKey(ApiKey key, String token) {

    public CreatedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", token=***]";
    }
}
