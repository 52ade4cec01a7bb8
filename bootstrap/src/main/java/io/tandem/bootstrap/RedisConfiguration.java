package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.adapters.out.redis.RedisClientSettings;

import java.time.Duration;

/**
 * {@code tandem.redis.*}: where Redis is (one server, {@code redis://host:port}, or a cluster's seed nodes,
 * {@code redis-cluster://host:port,host:port,...}) and how long its idempotency marks live. The TTLs should cover the
 * longest redelivery (online features) and client retry (event ids) windows, not more: every mark costs memory.
 */
@ConfigurationProperties("tandem.redis")
record RedisConfiguration(@Bindable(defaultValue = "redis://127.0.0.1:6379") String uri,
                          @Bindable(defaultValue = "tandem:") String keyPrefix,
                          @Bindable(defaultValue = "200ms") Duration commandTimeout,
                          @Bindable(defaultValue = "7d") Duration appliedEventsTtl,
                          @Bindable(defaultValue = "30d") Duration claimTtl) {

    /** @param condition why Redis is needed, for messages: {@code when tandem.online-store=redis} */
    RedisClientSettings settings(String condition) {
        return InvalidSettingException.naming("tandem.redis", condition,
                () -> new RedisClientSettings(uri, keyPrefix, commandTimeout));
    }
}
