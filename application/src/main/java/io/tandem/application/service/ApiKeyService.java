package io.tandem.application.service;

import io.tandem.application.port.in.AuthenticateUseCase;
import io.tandem.application.port.in.CreateApiKeyCommand;
import io.tandem.application.port.in.CreateApiKeyUseCase;
import io.tandem.application.port.in.CreatedApiKey;
import io.tandem.application.port.in.ListApiKeysUseCase;
import io.tandem.application.port.in.RevokeApiKeyCommand;
import io.tandem.application.port.in.RevokeApiKeyUseCase;
import io.tandem.application.port.out.ListApiKeysPort;
import io.tandem.application.port.out.LoadApiKeyPort;
import io.tandem.application.port.out.RevokeApiKeyPort;
import io.tandem.application.port.out.SaveApiKeyPort;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.ApiKeyToken;
import io.tandem.domain.access.Principal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * API keys (ADR-0027): created with a random id and secret, stored as the secret's SHA-256, checked in constant
 * time. Authentication reads a key's stored form at most once per {@code cacheFor} per id, so the request path
 * does not query the database on every call; a revocation on this instance takes effect at once, on other
 * instances within {@code cacheFor}.
 */
public final class ApiKeyService implements CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase,
        AuthenticateUseCase {

    /** Bounds the cache against a flood of made-up ids; past it the cache starts over. */
    static final int MAX_CACHED = 10_000;

    private final SaveApiKeyPort save;
    private final LoadApiKeyPort load;
    private final ListApiKeysPort listing;
    private final RevokeApiKeyPort revoking;
    private final Clock clock;
    private final SecureRandom random;
    private final long cacheForMillis;
    private final ConcurrentMap<ApiKeyId, Cached> cache = new ConcurrentHashMap<>();

    /** A stored key (or its absence) as read at {@code readAt}. */
    private record Cached(Optional<ApiKey> key, long readAt) {
    }

    public ApiKeyService(SaveApiKeyPort save, LoadApiKeyPort load, ListApiKeysPort listing, RevokeApiKeyPort revoking,
                         Clock clock, SecureRandom random, Duration cacheFor) {
        this.save = Objects.requireNonNull(save, "save");
        this.load = Objects.requireNonNull(load, "load");
        this.listing = Objects.requireNonNull(listing, "listing");
        this.revoking = Objects.requireNonNull(revoking, "revoking");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("cacheFor must not be negative");
        }
        this.cacheForMillis = cacheFor.toMillis();
    }

    @Override
    public CreatedApiKey create(CreateApiKeyCommand command) {
        // 50 random bits of id: a clash is rare enough that one retry with a new id settles it.
        for (int attempt = 0; ; attempt++) {
            ApiKeyToken token = ApiKeyToken.random(random);
            if (load.loadApiKey(token.id()).isPresent()) {
                if (attempt < 3) {
                    continue;
                }
                throw new IllegalStateException("could not find a free key id");
            }
            ApiKey key = new ApiKey(token.id(), command.name(), command.scopes(), token.secretHash(), clock.instant(),
                    Optional.empty(), command.rateLimit());
            save.saveApiKey(key);
            cache.remove(key.id());
            return new CreatedApiKey(key, token.reveal());
        }
    }

    @Override
    public List<ApiKey> list() {
        return listing.listApiKeys();
    }

    @Override
    public boolean revoke(RevokeApiKeyCommand command) {
        boolean existed = revoking.revokeApiKey(command.keyId(), clock.instant());
        cache.remove(command.keyId());
        return existed;
    }

    @Override
    public Optional<Principal> authenticate(String presentedKey) {
        Optional<ApiKeyToken> token = ApiKeyToken.parse(presentedKey);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> stored = stored(token.get().id());
        if (stored.isEmpty() || stored.get().revoked() || !token.get().matches(stored.get().secretHash())) {
            return Optional.empty();
        }
        return Optional.of(Principal.of(stored.get()));
    }

    private Optional<ApiKey> stored(ApiKeyId id) {
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
}
