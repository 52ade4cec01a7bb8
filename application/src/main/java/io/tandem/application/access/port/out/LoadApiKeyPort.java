package io.tandem.application.access.port.out;

import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;

import java.util.Optional;

/** Reads one key by its id, revoked or not. */
@FunctionalInterface
public interface LoadApiKeyPort {

    Optional<ApiKey> loadApiKey(ApiKeyId id);
}
