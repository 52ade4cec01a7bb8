package io.tandem.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.redis.RedisEventIdsAdapter;
import io.tandem.adapters.out.redis.RedisOnlineFeaturesAdapter;
import io.tandem.adapters.out.redis.RedisRateLimitAdapter;
import io.tandem.adapters.out.redis.RedisServedListsAdapter;
import io.tandem.domain.feature.FeaturePolicy;
import jakarta.inject.Singleton;

/**
 * Redis as the online feature store and served-list store ({@code tandem.online-store=redis}), event-id store and the
 * rate limits' shared token buckets ({@code tandem.auth.rate-limits=redis}); one server or a Redis Cluster, as
 * {@code tandem.redis.uri} says ({@code redis-cluster://host:port,...}, ADR-0030).
 */
@Factory
final class RedisAdaptersFactory {

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.online-store", value = "redis")
    RedisOnlineFeaturesAdapter onlineFeatures(RedisConfiguration redis, FeaturePolicy policy,
                                              ServingConfiguration serving) {
        // The serving read of a user's state is bounded by the online store's serving timeout, on the request
        // thread itself (see the online-store guard in ServingFactory).
        return new RedisOnlineFeaturesAdapter(redis.settings("when tandem.online-store=redis"), policy.popularityHalfLife(), policy.recentItemsCap(),
                redis.appliedEventsTtl(), serving.onlineStoreTimeout());
    }

    /** The lists served inside experiments, beside the online features, each kept for the served-list TTL. */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.online-store", value = "redis")
    RedisServedListsAdapter servedLists(RedisConfiguration redis, ExperimentsConfiguration experiments) {
        return new RedisServedListsAdapter(redis.settings("when tandem.online-store=redis"),
                experiments.servedListTtl());
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.auth.rate-limits", value = "redis")
    RedisRateLimitAdapter rateLimits(RedisConfiguration redis) {
        return new RedisRateLimitAdapter(redis.settings("when tandem.auth.rate-limits=redis"));
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.event-ids", value = "redis")
    RedisEventIdsAdapter eventIds(RedisConfiguration redis) {
        return new RedisEventIdsAdapter(redis.settings("when tandem.event-ids=redis"), redis.claimTtl());
    }
}
