package io.tandem.application.access.port.out;

import io.tandem.domain.access.ApiKeyId;

import java.time.Instant;

/**
 * Marks a key revoked at {@code at}; returns whether the key exists. Revoking a revoked key keeps its first
 * revocation time.
 */
@FunctionalInterface
public interface RevokeApiKeyPort {

    boolean revokeApiKey(ApiKeyId id, Instant at);
}
