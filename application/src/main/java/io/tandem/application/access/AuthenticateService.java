package io.tandem.application.access;

import io.tandem.application.access.port.in.AuthenticateUseCase;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyToken;
import io.tandem.domain.access.Principal;

import java.util.Objects;
import java.util.Optional;

/** Checks a presented key against its stored form in constant time, reading the store through the key cache. */
public final class AuthenticateService implements AuthenticateUseCase {

    private final StoredApiKeys keys;

    public AuthenticateService(StoredApiKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Optional<Principal> authenticate(String presentedKey) {
        Optional<ApiKeyToken> token = ApiKeyToken.parse(presentedKey);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> stored = keys.stored(token.get().id());
        if (stored.isEmpty() || stored.get().revoked() || !token.get().matches(stored.get().secretHash())) {
            return Optional.empty();
        }
        return Optional.of(Principal.of(stored.get()));
    }
}
