package io.tandem.adapters.out.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.util.UUID;

/**
 * Direct access to a Redis for tests: the shared one from {@code scripts/services.sh up redis}
 * ({@code TANDEM_REDIS_URI} overrides), the shared Redis Cluster from {@code scripts/services.sh up redis-cluster}
 * ({@code TANDEM_REDIS_CLUSTER_URI} overrides), or a private one. Cleans up by key prefix only; never flushes.
 */
final class RedisTestServer implements AutoCloseable {

    static final String SHARED_URI = System.getenv().getOrDefault("TANDEM_REDIS_URI", "redis://127.0.0.1:6379");
    static final String CLUSTER_URI = System.getenv().getOrDefault("TANDEM_REDIS_CLUSTER_URI",
            "redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003");

    private final String uri;
    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;

    RedisTestServer(String uri) {
        this.uri = uri;
        RedisEndpoint endpoint = RedisEndpoint.parse(uri);
        if (endpoint.cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(endpoint.seeds());
            cluster.setDefaultTimeout(Duration.ofSeconds(5));
            this.client = cluster;
            StatefulRedisClusterConnection<String, String> open = connect(cluster, uri);
            this.connection = open;
            this.commands = open.sync();
        } else {
            RedisClient single = RedisClient.create(uri);
            single.setDefaultTimeout(Duration.ofSeconds(5));
            this.client = single;
            StatefulRedisConnection<String, String> open = connect(single, uri);
            this.connection = open;
            this.commands = open.sync();
        }
    }

    private static StatefulRedisClusterConnection<String, String> connect(RedisClusterClient cluster, String uri) {
        try {
            return cluster.connect();
        } catch (RuntimeException e) {
            cluster.shutdown();
            throw new IllegalStateException("no Redis Cluster at " + uri
                    + "; start it with scripts/services.sh up redis-cluster", e);
        }
    }

    private static StatefulRedisConnection<String, String> connect(RedisClient single, String uri) {
        try {
            return single.connect();
        } catch (RuntimeException e) {
            single.shutdown();
            throw new IllegalStateException("no Redis at " + uri + "; start it with scripts/services.sh up redis", e);
        }
    }

    static RedisTestServer shared() {
        return new RedisTestServer(SHARED_URI);
    }

    /** The shared three-master Redis Cluster. */
    static RedisTestServer cluster() {
        return new RedisTestServer(CLUSTER_URI);
    }

    /** A prefix no other test run uses, so tests on one Redis never see each other's keys. */
    static String uniquePrefix() {
        return "tandem-it:" + UUID.randomUUID() + ":";
    }

    RedisClientSettings settings(String prefix) {
        return new RedisClientSettings(uri, prefix, Duration.ofSeconds(2));
    }

    /** On a cluster, each command goes to its key's node; SCAN walks every node. */
    RedisClusterCommands<String, String> commands() {
        return commands;
    }

    void deleteKeys(String prefix) {
        RedisClusterCommands<String, String> redis = commands();
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
        RedisClusterCommands<String, String> redis = commands();
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
