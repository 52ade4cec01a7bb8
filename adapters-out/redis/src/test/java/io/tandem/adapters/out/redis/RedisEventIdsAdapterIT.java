package io.tandem.adapters.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.application.ingestion.port.out.ClaimEventIdsContract;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event-id claims contract against the shared Redis, each test under its own key prefix, and what Redis adds:
 * claims expire.
 */
class RedisEventIdsAdapterIT extends ClaimEventIdsContract {

    static RedisTestServer redis;

    private final List<RedisEventIdsAdapter> opened = new ArrayList<>();
    private String prefix;
    private RedisEventIdsAdapter claims;

    @BeforeAll
    static void connect() {
        redis = RedisTestServer.shared();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void newPrefix() {
        prefix = RedisTestServer.uniquePrefix();
        claims = new RedisEventIdsAdapter(redis.settings(prefix));
        opened.add(claims);
    }

    @Override
    protected ClaimEventIdsPort emptyStore() {
        return claims;
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(RedisEventIdsAdapter::close);
        redis.deleteKeys(prefix);
    }

    @Test
    void claimsExpireAfterTheirTtl() {
        claims.claim(ids("a"));
        long ttl = redis.commands().ttl(prefix + "claim:a");
        assertThat(ttl).isBetween(Duration.ofDays(30).toSeconds() - 60, Duration.ofDays(30).toSeconds());

        try (RedisEventIdsAdapter shortLived =
                     new RedisEventIdsAdapter(redis.settings(prefix), Duration.ofSeconds(5))) {
            shortLived.claim(ids("b"));
            assertThat(redis.commands().ttl(prefix + "claim:b")).isBetween(1L, 5L);
        }
    }

    /** A store on the same prefix with its own connection, as another process would open it. */
    @Override
    protected ClaimEventIdsPort secondClient(ClaimEventIdsPort store) {
        RedisEventIdsAdapter other = new RedisEventIdsAdapter(redis.settings(prefix));
        opened.add(other);
        return other;
    }
}
