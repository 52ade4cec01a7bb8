package io.tandem.application.access;

import io.tandem.application.access.port.in.RevokeApiKeyCommand;
import io.tandem.application.access.port.in.RevokeApiKeyUseCase;
import io.tandem.application.access.port.out.RevokeApiKeyPort;

import java.time.Clock;
import java.util.Objects;

/** Revokes an API key: at once on this instance, within the cache period on the others (ADR-0027). */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final RevokeApiKeyPort revoking;
    private final StoredApiKeys keys;
    private final Clock clock;

    public RevokeApiKeyService(RevokeApiKeyPort revoking, StoredApiKeys keys, Clock clock) {
        this.revoking = Objects.requireNonNull(revoking, "revoking");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean revoke(RevokeApiKeyCommand command) {
        boolean existed = revoking.revokeApiKey(command.keyId(), clock.instant());
        keys.forget(command.keyId());
        return existed;
    }
}
