package io.tandem.application.access.port.out;

import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;

import java.time.Duration;

/**
 * Takes one request from the token bucket of a key and route class, made with {@code limit} on first use. The
 * answer is zero when the request may go on, otherwise how long until a token is free.
 */
@FunctionalInterface
public interface ConsumeRateLimitPort {

    Duration tryConsume(ApiKeyId key, Scope routeClass, RateLimit limit);
}
