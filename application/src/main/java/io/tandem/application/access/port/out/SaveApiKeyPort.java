package io.tandem.application.access.port.out;

import io.tandem.domain.access.ApiKey;

/** Stores a new key; a key id already stored is refused with {@link IllegalStateException}. */
@FunctionalInterface
public interface SaveApiKeyPort {

    void saveApiKey(ApiKey key);
}
