package io.tandem.adapters.out.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.UUID;

/**
 * Direct access to a Redis for tests: the shared one from {@code scripts/services.sh up redis}
 * ({@code TANDEM_REDIS_URI} overrides), or a private one. Cleans up by key prefix only; never flushes.
 */
final class RedisTestServer implements AutoCloseable {

    static final String SHARED_URI = System.getenv().getOrDefault("TANDEM_REDIS_URI", "redis://127.0.0.1:6379");

    private final String uri;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisTestServer(String uri) {
        this.uri = uri;
        this.client = RedisClient.create(uri);
        client.setDefaultTimeout(Duration.ofSeconds(5));
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("no Redis at " + uri + "; start it with scripts/services.sh up redis", e);
        }
    }

    static RedisTestServer shared() {
        return new RedisTestServer(SHARED_URI);
    }

    /** A prefix no other test run uses, so tests on one Redis never see each other's keys. */
    static String uniquePrefix() {
        return "tandem-it:" + UUID.randomUUID() + ":";
    }

    RedisClientSettings settings(String prefix) {
        return new RedisClientSettings(uri, prefix, Duration.ofSeconds(2));
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    void deleteKeys(String prefix) {
        RedisCommands<String, String> redis = commands();
        ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(1000);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, match);
            if (!page.getKeys().isEmpty()) {
                redis.unlink(page.getKeys().toArray(new String[0]));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    long countKeys(String prefix) {
        RedisCommands<String, String> redis = commands();
        ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(1000);
        ScanCursor cursor = ScanCursor.INITIAL;
        long count = 0;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, match);
            count += page.getKeys().size();
            cursor = page;
        } while (!cursor.isFinished());
        return count;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
