package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.tandem.adapters.in.http.HttpAccessSettings;
import io.tandem.application.access.AuthenticateService;
import io.tandem.application.access.CreateApiKeyService;
import io.tandem.application.access.ListApiKeysService;
import io.tandem.application.access.RateLimitService;
import io.tandem.application.access.RevokeApiKeyService;
import io.tandem.application.access.StoredApiKeys;
import io.tandem.application.access.port.out.ConsumeRateLimitPort;
import io.tandem.application.access.port.out.ListApiKeysPort;
import io.tandem.application.access.port.out.LoadApiKeyPort;
import io.tandem.application.access.port.out.RevokeApiKeyPort;
import io.tandem.application.access.port.out.SaveApiKeyPort;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;

/** API keys and rate limits (ADR-0027): the use cases over whichever key store and bucket store were chosen. */
@Factory
final class AccessFactory {

    /** One key cache per instance, shared by the key use cases, so a revocation here clears it at once. */
    @Singleton
    StoredApiKeys storedApiKeys(LoadApiKeyPort load, Clock clock, AccessConfiguration configuration) {
        return new StoredApiKeys(load, clock, configuration.cacheFor());
    }

    @Singleton
    CreateApiKeyService createApiKey(SaveApiKeyPort save, StoredApiKeys keys, Clock clock) {
        return new CreateApiKeyService(save, keys, clock, new SecureRandom());
    }

    @Singleton
    ListApiKeysService listApiKeys(ListApiKeysPort list) {
        return new ListApiKeysService(list);
    }

    @Singleton
    RevokeApiKeyService revokeApiKey(RevokeApiKeyPort revoke, StoredApiKeys keys, Clock clock) {
        return new RevokeApiKeyService(revoke, keys, clock);
    }

    @Singleton
    AuthenticateService authenticate(StoredApiKeys keys) {
        return new AuthenticateService(keys);
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
