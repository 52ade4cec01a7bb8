package io.tandem.application.access;

import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.access.port.in.CreatedApiKey;
import io.tandem.application.access.port.out.SaveApiKeyPort;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyToken;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Creates an API key with a random id and secret, stored as the secret's SHA-256 (ADR-0027). */
public final class CreateApiKeyService implements CreateApiKeyUseCase {

    private final SaveApiKeyPort save;
    private final StoredApiKeys keys;
    private final Clock clock;
    private final SecureRandom random;

    public CreateApiKeyService(SaveApiKeyPort save, StoredApiKeys keys, Clock clock, SecureRandom random) {
        this.save = Objects.requireNonNull(save, "save");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public CreatedApiKey create(CreateApiKeyCommand command) {
        // 50 random bits of id: a clash is rare enough that one retry with a new id settles it.
        for (int attempt = 0; ; attempt++) {
            ApiKeyToken token = ApiKeyToken.random(random);
            if (keys.storedNow(token.id()).isPresent()) {
                if (attempt < 3) {
                    continue;
                }
                throw new IllegalStateException("could not find a free key id");
            }
            ApiKey key = new ApiKey(token.id(), command.name(), command.scopes(), token.secretHash(), clock.instant(),
                    Optional.empty(), command.rateLimit());
            save.saveApiKey(key);
            keys.forget(key.id());
            return new CreatedApiKey(key, token.reveal());
        }
    }
}
