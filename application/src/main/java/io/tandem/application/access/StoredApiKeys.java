package io.tandem.application.access;

import io.tandem.application.access.port.out.LoadApiKeyPort;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Stored API keys as this instance last read them (ADR-0027): each id is read from the store at most once per
 * {@code cacheFor}, so authentication does not query the database on every request. Creating or revoking a key
 * here forgets it at once; on other instances a revocation takes effect within {@code cacheFor}. One per
 * instance, shared by the key use cases.
 */
public final class StoredApiKeys {

    /** Bounds the cache against a flood of made-up ids; past it the cache starts over. */
    static final int MAX_CACHED = 10_000;

    private final LoadApiKeyPort load;
    private final Clock clock;
    private final long cacheForMillis;
    private final ConcurrentMap<ApiKeyId, Cached> cache = new ConcurrentHashMap<>();

    /** A stored key (or its absence) as read at {@code readAt}. */
    private record Cached(Optional<ApiKey> key, long readAt) {
    }

    public StoredApiKeys(LoadApiKeyPort load, Clock clock, Duration cacheFor) {
        this.load = Objects.requireNonNull(load, "load");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("cacheFor must not be negative");
        }
        this.cacheForMillis = cacheFor.toMillis();
    }

    /** The key stored under {@code id}, read again once what was read is older than {@code cacheFor}. */
    Optional<ApiKey> stored(ApiKeyId id) {
        long now = clock.millis();
        Cached cached = cache.get(id);
        if (cached != null && now - cached.readAt() < cacheForMillis) {
            return cached.key();
        }
        Optional<ApiKey> key = load.loadApiKey(id);
        if (cacheForMillis > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(id, new Cached(key, now));
        }
        return key;
    }

    /** The key stored under {@code id} now, past the cache: whether an id is free must not be guessed. */
    Optional<ApiKey> storedNow(ApiKeyId id) {
        return load.loadApiKey(id);
    }

    /** Forgets what was read under {@code id}: the key was just created or revoked here. */
    void forget(ApiKeyId id) {
        cache.remove(id);
    }
}
