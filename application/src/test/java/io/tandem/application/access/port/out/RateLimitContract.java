package io.tandem.application.access.port.out;

import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every rate limiter promises (ADR-0027): a burst is admitted, the next request waits about one refill
 * interval, and keys and route classes have buckets of their own.
 */
public abstract class RateLimitContract {

    /** A limiter whose buckets no other test uses. */
    protected abstract ConsumeRateLimitPort limiter();

    /** A key id no other test run has used (buckets may outlive a run in a shared store). */
    protected static ApiKeyId freshKey() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append("abcdefghijklmnop".charAt(Character.digit(hex.charAt(i), 16)));
        }
        return new ApiKeyId(id.toString());
    }

    @Test
    void aBurstIsAdmittedThenTheNextRequestWaitsForARefill() {
        ConsumeRateLimitPort limiter = limiter();
        ApiKeyId key = freshKey();
        RateLimit limit = new RateLimit(1, 5);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryConsume(key, Scope.SERVE, limit)).as("request %d", i).isZero();
        }
        Duration wait = limiter.tryConsume(key, Scope.SERVE, limit);

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anotherKeyAndAnotherRouteClassKeepTheirOwnBuckets() {
        ConsumeRateLimitPort limiter = limiter();
        ApiKeyId noisy = freshKey();
        ApiKeyId quiet = freshKey();
        RateLimit limit = new RateLimit(1, 2);
        limiter.tryConsume(noisy, Scope.INGEST, limit);
        limiter.tryConsume(noisy, Scope.INGEST, limit);
        assertThat(limiter.tryConsume(noisy, Scope.INGEST, limit)).isPositive();

        assertThat(limiter.tryConsume(noisy, Scope.SERVE, limit)).isZero();
        assertThat(limiter.tryConsume(quiet, Scope.INGEST, limit)).isZero();
    }
}
