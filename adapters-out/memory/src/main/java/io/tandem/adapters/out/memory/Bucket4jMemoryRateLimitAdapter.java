package io.tandem.adapters.out.memory;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.tandem.application.access.port.out.ConsumeRateLimitPort;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets of one instance (Bucket4j, lock-free): one per key, route class and limit. Only authenticated keys
 * reach it, so there are at most three buckets per key.
 */
public final class Bucket4jMemoryRateLimitAdapter implements ConsumeRateLimitPort {

    private record BucketKey(ApiKeyId key, Scope routeClass, RateLimit limit) {
    }

    private final ConcurrentMap<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Duration tryConsume(ApiKeyId key, Scope routeClass, RateLimit limit) {
        Bucket bucket = buckets.computeIfAbsent(new BucketKey(key, routeClass, limit), ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }
}
