package io.tandem.domain.access;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A key as the key store keeps it: never the secret, only its SHA-256 ({@code secretHash}, 64 lower-case hex
 * digits). A revoked key stays listed with its revocation time and authenticates nothing.
 *
 * @param name      what the key is for, 1 to {@value #MAX_NAME_BYTES} bytes, exact
 * @param rateLimit its own limit; empty means the configured default
 */
public record ApiKey(ApiKeyId id, String name, Set<Scope> scopes, String secretHash, Instant createdAt,
                     Optional<Instant> revokedAt, Optional<RateLimit> rateLimit) {

    public static final int MAX_NAME_BYTES = 128;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        name = requireName(name);
        scopes = requireScopes(scopes);
        Objects.requireNonNull(secretHash, "secretHash");
        if (secretHash.length() != 64 || !secretHash.chars().allMatch(HexFormat::isHexDigit)
                || !secretHash.equals(secretHash.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("secretHash: a SHA-256 in lower-case hex");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }

    public ApiKey revokedAt(Instant at) {
        return new ApiKey(id, name, scopes, secretHash, createdAt, Optional.of(at), rateLimit);
    }

    /** Fails naming {@code name} unless the value is a usable key name; returns it unchanged. */
    public static String requireName(String name) {
        return CanonicalText.requireId("name", name, MAX_NAME_BYTES);
    }

    /** Fails naming {@code scopes} when there is none; returns an unmodifiable copy. */
    public static Set<Scope> requireScopes(Set<Scope> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidFieldException("scopes", "a key has at least one scope");
        }
        return java.util.Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }
}
