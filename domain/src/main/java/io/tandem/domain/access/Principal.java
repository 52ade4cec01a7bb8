package io.tandem.domain.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An authenticated caller: which key, its scopes and its own rate limit (empty: the configured default). */
public record Principal(ApiKeyId keyId, String name, Set<Scope> scopes, Optional<RateLimit> rateLimit) {

    public Principal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(name, "name");
        scopes = ApiKey.requireScopes(scopes);
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    public static Principal of(ApiKey key) {
        return new Principal(key.id(), key.name(), key.scopes(), key.rateLimit());
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
