package io.tandem.adapters.out.redis;

import io.tandem.application.access.port.out.ConsumeRateLimitPort;
import io.tandem.application.access.port.out.RateLimitContract;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limiter's contract on the real Redis, and what only a shared store gives: two instances draw from one
 * bucket, and a Redis that does not answer admits requests rather than failing them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRateLimitAdapterIT extends RateLimitContract {

    private final String prefix = RedisTestServer.uniquePrefix();
    private final List<RedisRateLimitAdapter> opened = new ArrayList<>();

    @Override
    protected ConsumeRateLimitPort limiter() {
        RedisRateLimitAdapter adapter;
        try (RedisTestServer redis = server()) {
            adapter = new RedisRateLimitAdapter(redis.settings(prefix));
        }
        opened.add(adapter);
        return adapter;
    }

    /** The Redis these tests run on. */
    RedisTestServer server() {
        return RedisTestServer.shared();
    }

    @AfterAll
    void closeAndClean() {
        opened.forEach(RedisRateLimitAdapter::close);
        try (RedisTestServer redis = server()) {
            redis.deleteKeys(prefix);
        }
    }

    @Test
    void twoInstancesDrawFromOneBucket() {
        ConsumeRateLimitPort first = limiter();
        ConsumeRateLimitPort second = limiter();
        ApiKeyId key = freshKey();
        RateLimit limit = new RateLimit(1, 4);

        assertThat(first.tryConsume(key, Scope.ADMIN, limit)).isZero();
        assertThat(second.tryConsume(key, Scope.ADMIN, limit)).isZero();
        assertThat(first.tryConsume(key, Scope.ADMIN, limit)).isZero();
        assertThat(second.tryConsume(key, Scope.ADMIN, limit)).isZero();

        assertThat(first.tryConsume(key, Scope.ADMIN, limit)).isPositive();
        assertThat(second.tryConsume(key, Scope.ADMIN, limit)).isPositive();
    }

    @Test
    void aRedisThatDoesNotAnswerAdmitsTheRequest() {
        try (RedisRateLimitAdapter unreachable = new RedisRateLimitAdapter(new RedisClientSettings(
                "redis://127.0.0.1:1", prefix, Duration.ofMillis(200)))) {
            RateLimit limit = new RateLimit(1, 1);
            ApiKeyId key = freshKey();
            for (int i = 0; i < 3; i++) {
                assertThat(unreachable.tryConsume(key, Scope.SERVE, limit)).isZero();
            }
        }
    }
}
