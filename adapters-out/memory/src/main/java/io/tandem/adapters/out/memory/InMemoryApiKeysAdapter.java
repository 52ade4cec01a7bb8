package io.tandem.adapters.out.memory;

import io.tandem.application.access.port.out.ListApiKeysPort;
import io.tandem.application.access.port.out.LoadApiKeyPort;
import io.tandem.application.access.port.out.RevokeApiKeyPort;
import io.tandem.application.access.port.out.SaveApiKeyPort;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A key store in a map: for tests and for an instance whose keys need not outlive it. */
public final class InMemoryApiKeysAdapter implements SaveApiKeyPort, LoadApiKeyPort, ListApiKeysPort,
        RevokeApiKeyPort {

    private final ConcurrentMap<ApiKeyId, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public void saveApiKey(ApiKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("a key with id " + key.id() + " already exists");
        }
    }

    @Override
    public Optional<ApiKey> loadApiKey(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<ApiKey> listApiKeys() {
        return keys.values().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(key -> key.id().value()))
                .toList();
    }

    @Override
    public boolean revokeApiKey(ApiKeyId id, Instant at) {
        return keys.computeIfPresent(id, (ignored, key) -> key.revoked() ? key : key.revokedAt(at)) != null;
    }
}
