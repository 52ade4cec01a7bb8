package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.tandem.adapters.in.http.HttpAccessSettings;
import io.tandem.application.port.out.ConsumeRateLimitPort;
import io.tandem.application.port.out.ListApiKeysPort;
import io.tandem.application.port.out.LoadApiKeyPort;
import io.tandem.application.port.out.RevokeApiKeyPort;
import io.tandem.application.port.out.SaveApiKeyPort;
import io.tandem.application.service.ApiKeyService;
import io.tandem.application.service.RateLimitService;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;

/** API keys and rate limits (ADR-0027): the use cases over whichever key store and bucket store were chosen. */
@Factory
final class AccessFactory {

    /** One service answers create, list, revoke and authenticate, so a revocation clears its cache at once. */
    @Singleton
    ApiKeyService apiKeys(SaveApiKeyPort save, LoadApiKeyPort load, ListApiKeysPort list, RevokeApiKeyPort revoke,
                          Clock clock, AccessConfiguration configuration) {
        return new ApiKeyService(save, load, list, revoke, clock, new SecureRandom(), configuration.cacheFor());
    }

    @Singleton
    RateLimitService rateLimits(ConsumeRateLimitPort buckets, AccessConfiguration configuration) {
        return new RateLimitService(buckets, configuration.defaultRateLimit());
    }

    @Singleton
    HttpAccessSettings httpAccess(AccessConfiguration configuration) {
        return new HttpAccessSettings(configuration.enabled());
    }
}
