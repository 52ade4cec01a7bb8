package io.tandem.application.access;

import io.tandem.application.access.port.in.ThrottleRequestsUseCase;
import io.tandem.application.access.port.out.ConsumeRateLimitPort;
import io.tandem.domain.access.Principal;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;

import java.time.Duration;
import java.util.Objects;

/** Token buckets per key and route class; a key without a limit of its own gets {@code defaultLimit}. */
public final class RateLimitService implements ThrottleRequestsUseCase {

    private final ConsumeRateLimitPort buckets;
    private final RateLimit defaultLimit;

    public RateLimitService(ConsumeRateLimitPort buckets, RateLimit defaultLimit) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.defaultLimit = Objects.requireNonNull(defaultLimit, "defaultLimit");
    }

    @Override
    public Duration admit(Principal principal, Scope routeClass) {
        return buckets.tryConsume(principal.keyId(), routeClass, principal.rateLimit().orElse(defaultLimit));
    }
}
