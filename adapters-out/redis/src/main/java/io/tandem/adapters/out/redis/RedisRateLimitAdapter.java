package io.tandem.adapters.out.redis;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.tandem.application.access.port.out.ConsumeRateLimitPort;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets in Redis (Bucket4j's compare-and-swap proxy over Lettuce), so every instance counts against the
 * same bucket of a key and route class (ADR-0027). A bucket's key expires once it would have refilled. When Redis
 * does not answer within the command timeout the request is admitted: an outage of the limiter must not become an
 * outage of the API; a warning says so at most once a minute.
 */
public final class RedisRateLimitAdapter implements ConsumeRateLimitPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitAdapter.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long CONNECT_RETRY_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisConnector connector;
    private final String keyPrefix;
    private final Duration timeout;
    private StatefulConnection<byte[], byte[]> connection;
    private volatile ProxyManager<byte[]> buckets;
    private long connectRetryAt;
    private volatile long warnedAt = System.nanoTime() - WARN_EVERY_NANOS;

    public RedisRateLimitAdapter(RedisClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.timeout = settings.commandTimeout();
        // One key per bucket, so each bucket's compare-and-swap runs on its own slot of a cluster too.
        this.keyPrefix = settings.keyPrefix() + "rate:";
        this.connector = new RedisConnector(settings);
    }

    @Override
    public Duration tryConsume(ApiKeyId key, Scope routeClass, RateLimit limit) {
        try {
            ProxyManager<byte[]> proxy = buckets();
            if (proxy == null) {
                return Duration.ZERO;
            }
            byte[] bucketKey = (keyPrefix + key.value() + ":" + routeClass.label() + ":" + limit.perSecond() + "/"
                    + limit.burst()).getBytes(StandardCharsets.UTF_8);
            ConsumptionProbe probe = proxy.builder().build(bucketKey, () -> configuration(limit))
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            warn(e);
            return Duration.ZERO;
        }
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build();
    }

    /** The proxy over one connection, made on first use; null while Redis cannot be reached. */
    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> ready = buckets;
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            if (buckets != null) {
                return buckets;
            }
            long now = System.nanoTime();
            if (now - connectRetryAt < 0) {
                return null;
            }
            try {
                connection = connector.connect(ByteArrayCodec.INSTANCE).stateful();
                Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder =
                        connection instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster
                                ? Bucket4jLettuce.casBasedBuilder(cluster)
                                : Bucket4jLettuce.casBasedBuilder((StatefulRedisConnection<byte[], byte[]>) connection);
                buckets = builder
                        .requestTimeout(timeout)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build();
                return buckets;
            } catch (RuntimeException e) {
                connectRetryAt = now + CONNECT_RETRY_PAUSE_NANOS;
                warn(e);
                return null;
            }
        }
    }

    private void warn(RuntimeException e) {
        long now = System.nanoTime();
        long last = warnedAt;
        if (now - last >= WARN_EVERY_NANOS) {
            warnedAt = now;
            LOG.warn("rate limits not enforced: Redis did not answer ({}); requests are admitted",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        connector.close();
    }
}
