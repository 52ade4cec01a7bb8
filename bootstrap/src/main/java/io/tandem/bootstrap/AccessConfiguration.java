package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.access.RateLimit;

import java.time.Duration;

/**
 * {@code tandem.auth.*}: API keys and rate limits (ADR-0027). {@code enabled} makes every route but health,
 * Prometheus and OpenAPI ask for a key (production refuses to start without it); {@code cache-for} is how long a
 * key's stored form is trusted before it is read again (a revocation on another instance takes that long);
 * {@code rate-limit-per-second} and {@code rate-limit-burst} are the token bucket of a key without one of its own,
 * for each route class. The adapter choices ({@code keys}, {@code rate-limits}) are {@link AdapterChoice}s.
 */
@ConfigurationProperties("tandem.auth")
record AccessConfiguration(@Bindable(defaultValue = "false") boolean enabled,
                           @Bindable(defaultValue = "5s") Duration cacheFor,
                           @Bindable(defaultValue = "1000") int rateLimitPerSecond,
                           @Bindable(defaultValue = "2000") int rateLimitBurst) {

    AccessConfiguration {
        if (cacheFor.isNegative()) {
            throw new InvalidFieldException("tandem.auth.cache-for", "must not be negative");
        }
        if (rateLimitPerSecond < 1 || rateLimitPerSecond > RateLimit.MAX) {
            throw new InvalidFieldException("tandem.auth.rate-limit-per-second", "must be between 1 and " + RateLimit.MAX);
        }
        if (rateLimitBurst < 1 || rateLimitBurst > RateLimit.MAX) {
            throw new InvalidFieldException("tandem.auth.rate-limit-burst", "must be between 1 and " + RateLimit.MAX);
        }
    }

    RateLimit defaultRateLimit() {
        return new RateLimit(rateLimitPerSecond, rateLimitBurst);
    }
}
