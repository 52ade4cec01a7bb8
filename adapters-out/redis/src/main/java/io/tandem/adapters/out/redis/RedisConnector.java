package io.tandem.adapters.out.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens Lettuce connections to one Redis or to a Redis Cluster, whichever the settings name, with the options every
 * adapter here relies on: a bounded connect, commands rejected at once while disconnected (instead of queued until
 * Redis is back), reconnects backing off to one a second, and, on a cluster, a topology refreshed on MOVED/ASK
 * redirects and every 30 seconds, so a resharded or failed-over cluster is followed without a restart.
 *
 * <p>A new adapter obtains its connection here ({@link #connect}) and talks to it through
 * {@link RedisClusterAsyncCommands}, the command set both kinds of connection share; keys one command or script
 * touches together must share a hash slot (see {@link RedisKeys}).
 */
final class RedisConnector implements AutoCloseable {

    /**
     * Lettuce's own bound on every command: only a backstop. Each caller waits its own bound (RedisLink's per-call
     * timeouts, Bucket4j's request timeout), and some are longer than the command timeout (feature writes, the
     * popularity rebase); with Lettuce's default (the URI's timeout, the command timeout) they were cut short.
     */
    private static final Duration BACKSTOP_TIMEOUT = Duration.ofSeconds(30);

    private final RedisEndpoint endpoint;
    private final ClientResources resources;
    private final AbstractRedisClient client;

    RedisConnector(RedisClientSettings settings) {
        Duration timeout = settings.commandTimeout();
        this.endpoint = settings.endpoint();
        // A connection needs one I/O thread (a cluster one per node, sharing these).
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build();
        TimeoutOptions backstop = TimeoutOptions.enabled(timeout.compareTo(BACKSTOP_TIMEOUT) > 0 ? timeout
                : BACKSTOP_TIMEOUT);
        List<RedisURI> seeds = new ArrayList<>();
        for (RedisURI seed : endpoint.seeds()) {
            seed.setTimeout(timeout);
            seeds.add(seed);
        }
        if (endpoint.cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, seeds);
            cluster.setOptions(ClusterClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(socket)
                    .timeoutOptions(backstop)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .enablePeriodicRefresh(Duration.ofSeconds(30))
                            .build())
                    .build());
            this.client = cluster;
        } else {
            RedisClient single = RedisClient.create(resources, seeds.get(0));
            single.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(socket)
                    .timeoutOptions(backstop)
                    .build());
            this.client = single;
        }
    }

    boolean cluster() {
        return endpoint.cluster();
    }

    /** {@code host:port} of the server, or of the cluster's seed nodes, for messages. */
    String describe() {
        return endpoint.describe();
    }

    /** A new connection (on a cluster: to every node, routing each command by its key's slot). */
    <K, V> Connection<K, V> connect(RedisCodec<K, V> codec) {
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<K, V> connection = cluster.connect(codec);
            return new Connection<>(connection, connection.async());
        }
        StatefulRedisConnection<K, V> connection = ((RedisClient) client).connect(codec);
        return new Connection<>(connection, connection.async());
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    /**
     * An open connection and its asynchronous commands.
     *
     * @param stateful a {@link StatefulRedisConnection} or a {@link StatefulRedisClusterConnection}
     */
    record Connection<K, V>(StatefulConnection<K, V> stateful, RedisClusterAsyncCommands<K, V> async) {
    }
}
