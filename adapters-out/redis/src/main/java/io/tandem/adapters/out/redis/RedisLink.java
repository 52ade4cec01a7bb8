package io.tandem.adapters.out.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One multiplexed Lettuce connection with the rules every adapter here relies on: each command waits at
 * most its timeout, commands fail at once while Redis is unreachable (instead of queueing until it is
 * back), and every failure surfaces as {@link OnlineStoreUnavailableException}.
 *
 * <p>Timeouts are enforced per call by {@code awaitOrCancel} rather than by Lettuce's global
 * {@code TimeoutOptions}, because the rare popularity rebase needs a longer bound than serving reads.
 */
final class RedisLink implements AutoCloseable {

    /** After a failed first connection, calls fail at once for this long rather than each trying again. */
    private static final long CONNECT_RETRY_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final long timeoutNanos;
    private final long timeoutMillis;
    private final String endpoint;
    private volatile StatefulRedisConnection<String, String> connection;
    private boolean connectFailed;
    private long connectRetryAt;
    private boolean closed;

    RedisLink(RedisClientSettings settings) {
        Duration timeout = settings.commandTimeout();
        RedisURI uri = RedisURI.create(settings.uri());
        uri.setTimeout(timeout);
        this.timeoutNanos = timeout.toNanos();
        this.timeoutMillis = timeout.toMillis();
        this.endpoint = uri.getHost() == null ? uri.toString() : uri.getHost() + ":" + uri.getPort();
        // One connection needs one I/O thread; reconnect attempts back off to at most one a second, so a
        // restarted Redis is used again within about a second.
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // The default buffers commands while reconnecting; serving wants an immediate failure.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
                .build());
    }

    /** Sends one command and waits for its answer, at most the command timeout. */
    <T> T call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        RedisAsyncCommands<String, String> commands = commands();
        try {
            return await(command.apply(commands), timeoutNanos);
        } catch (RedisException | CancellationException e) {
            throw unavailable(e);
        }
    }

    /** Runs a script by its SHA-1, sending the source only when Redis does not have it cached. */
    <T> T run(RedisScript script, ScriptOutputType output, String[] keys, String[] args) {
        return run(script, output, keys, args, timeoutNanos);
    }

    /** Runs a script as {@link #run(RedisScript, ScriptOutputType, String[], String[])} does, with its own timeout. */
    <T> T run(RedisScript script, ScriptOutputType output, String[] keys, String[] args, long scriptTimeoutNanos) {
        RedisAsyncCommands<String, String> commands = commands();
        try {
            try {
                return await(commands.<T>evalsha(script.sha1(), output, keys, args), scriptTimeoutNanos);
            } catch (RedisNoScriptException e) {
                // Redis lost its script cache (restart, failover, SCRIPT FLUSH): EVAL runs and caches it again.
                return await(commands.<T>eval(script.source(), output, keys, args), scriptTimeoutNanos);
            }
        } catch (RedisException | CancellationException e) {
            throw unavailable(e, TimeUnit.NANOSECONDS.toMillis(scriptTimeoutNanos));
        }
    }

    private static <T> T await(RedisFuture<T> future, long nanos) {
        return LettuceFutures.awaitOrCancel(future, nanos, TimeUnit.NANOSECONDS);
    }

    private RedisAsyncCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        return (current != null ? current : connect()).async();
    }

    /**
     * Connects on first use rather than in the constructor, so a process starts (and serves its fallback)
     * while Redis is still down. Once connected, Lettuce reconnects by itself.
     */
    private synchronized StatefulRedisConnection<String, String> connect() {
        if (connection != null) {
            return connection;
        }
        if (closed) {
            throw new OnlineStoreUnavailableException("the connection to Redis at " + endpoint + " is closed", null);
        }
        long now = System.nanoTime();
        if (connectFailed && now - connectRetryAt < 0) {
            throw new OnlineStoreUnavailableException("Redis at " + endpoint + " was unreachable moments ago", null);
        }
        try {
            connection = client.connect(StringCodec.UTF8);
            connectFailed = false;
            return connection;
        } catch (RedisException e) {
            connectFailed = true;
            connectRetryAt = now + CONNECT_RETRY_PAUSE_NANOS;
            throw unavailable(e);
        }
    }

    private OnlineStoreUnavailableException unavailable(RuntimeException e) {
        return unavailable(e, timeoutMillis);
    }

    private OnlineStoreUnavailableException unavailable(RuntimeException e, long waitedMillis) {
        if (e instanceof RedisCommandTimeoutException || e instanceof CancellationException) {
            return new OnlineStoreUnavailableException(
                    "Redis at " + endpoint + " did not answer within " + waitedMillis + " ms", e);
        }
        return new OnlineStoreUnavailableException("Redis at " + endpoint + " failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
