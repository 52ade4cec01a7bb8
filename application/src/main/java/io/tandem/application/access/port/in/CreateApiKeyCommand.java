package io.tandem.application.access.port.in;

import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A key to create: its name, its scopes and, when not the configured default, its rate limit. */
public record CreateApiKeyCommand(String name, Set<Scope> scopes, Optional<RateLimit> rateLimit) {

    public CreateApiKeyCommand {
        name = ApiKey.requireName(name);
        scopes = ApiKey.requireScopes(scopes);
        Objects.requireNonNull(rateLimit, "rateLimit");
    }
}
