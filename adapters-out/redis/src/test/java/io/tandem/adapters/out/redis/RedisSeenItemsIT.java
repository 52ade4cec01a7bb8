package io.tandem.adapters.out.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seen-items contract on the Redis online store (the shared Redis, each test under its own key prefix). */
class RedisSeenItemsIT extends SeenItemsContract {

    static RedisTestServer redis;

    private final List<RedisOnlineFeaturesAdapter> adapters = new ArrayList<>();
    private final String prefix = RedisTestServer.uniquePrefix();

    @BeforeAll
    static void connect() {
        redis = RedisTestServer.shared();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void cleanUp() {
        adapters.forEach(RedisOnlineFeaturesAdapter::close);
        redis.deleteKeys(prefix);
        assertThat(redis.countKeys(prefix)).isZero();
    }

    @Override
    Store store() {
        RedisOnlineFeaturesAdapter adapter = new RedisOnlineFeaturesAdapter(redis.settings(prefix),
                Duration.ofHours(1), CAP);
        adapters.add(adapter);
        return Store.of(adapter);
    }
}
