package io.tandem.adapters.out.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One multiplexed Lettuce connection, to one Redis or to a Redis Cluster ({@link RedisConnector}), with the rules every
 * adapter here relies on: each command waits at most its timeout, commands fail at once while Redis is unreachable
 * (instead of queueing until it is back), and every failure surfaces as {@link OnlineStoreUnavailableException}.
 *
 * <p>Timeouts are enforced per call by {@code awaitOrCancel} rather than by Lettuce's global
 * {@code TimeoutOptions}, because the rare popularity rebase needs a longer bound than serving reads.
 */
final class RedisLink implements AutoCloseable {

    /** After a failed first connection, calls fail at once for this long rather than each trying again. */
    private static final long CONNECT_RETRY_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisConnector connector;
    private final long timeoutNanos;
    private final long timeoutMillis;
    private final String endpoint;
    private volatile RedisConnector.Connection<String, String> connection;
    private boolean connectFailed;
    private long connectRetryAt;
    private boolean closed;

    RedisLink(RedisClientSettings settings) {
        this.connector = new RedisConnector(settings);
        this.timeoutNanos = settings.commandTimeout().toNanos();
        this.timeoutMillis = settings.commandTimeout().toMillis();
        this.endpoint = (connector.cluster() ? "cluster " : "") + connector.describe();
    }

    /** Whether this is a Redis Cluster, where one script's keys must share a hash slot. */
    boolean cluster() {
        return connector.cluster();
    }

    /**
     * Splits positions {@code 0..count-1} into groups whose keys ({@code keyOf}) share a hash slot, each group in
     * position order: on one Redis a single group, since any script may touch any keys there.
     */
    List<List<Integer>> bySlot(int count, IntFunction<String> keyOf) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        boolean split = cluster();
        for (int i = 0; i < count; i++) {
            groups.computeIfAbsent(split ? SlotHash.getSlot(keyOf.apply(i)) : 0, slot -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /** Sends one command and waits for its answer, at most the command timeout. */
    <T> T call(Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
        RedisClusterAsyncCommands<String, String> commands = commands();
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
        RedisClusterAsyncCommands<String, String> commands = commands();
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

    /**
     * Runs several scripts at once (pipelined: on a cluster each call goes to the node of its keys' slot, and the
     * nodes work in parallel) and waits for every answer, all within one command timeout.
     *
     * @return the answers, in the order of the calls
     */
    List<Object> runAll(List<ScriptCall> calls) {
        return runAll(calls, timeoutNanos);
    }

    /** Runs several scripts as {@link #runAll(List)} does, all within {@code callsTimeoutNanos}. */
    List<Object> runAll(List<ScriptCall> calls, long callsTimeoutNanos) {
        Pipeline pipeline = pipeline();
        calls.forEach(pipeline::send);
        return pipeline.awaitAll(callsTimeoutNanos);
    }

    /**
     * Script calls sent one by one as they are built, while Redis runs the earlier ones, and then awaited together:
     * the caller's work and Redis's overlap instead of taking turns.
     */
    Pipeline pipeline() {
        return new Pipeline(commands());
    }

    /** The calls of {@link #pipeline()}; used by one thread. */
    final class Pipeline {

        private final RedisClusterAsyncCommands<String, String> commands;
        private final List<ScriptCall> calls = new ArrayList<>();
        private final List<RedisFuture<Object>> sent = new ArrayList<>();

        private Pipeline(RedisClusterAsyncCommands<String, String> commands) {
            this.commands = commands;
        }

        /** How many calls were sent so far. */
        int sent() {
            return sent.size();
        }

        /** Sends {@code call} now, without waiting for its answer. */
        void send(ScriptCall call) {
            calls.add(call);
            try {
                sent.add(commands.evalsha(call.script().sha1(), call.output(), call.keys(), call.args()));
            } catch (RedisException e) {
                cancelAll();
                throw unavailable(e);
            }
        }

        /**
         * Waits for every answer, all within {@code callsTimeoutNanos} from now.
         *
         * @return the answers, in the order of the calls
         */
        List<Object> awaitAll(long callsTimeoutNanos) {
            long deadline = System.nanoTime() + callsTimeoutNanos;
            List<Object> answers = new ArrayList<>(calls.size());
            try {
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        answers.add(await(sent.get(i), Math.max(1, deadline - System.nanoTime())));
                    } catch (RedisNoScriptException e) {
                        // This node lost its script cache: EVAL runs and caches it again there.
                        ScriptCall call = calls.get(i);
                        answers.add(await(commands.eval(call.script().source(), call.output(), call.keys(),
                                call.args()), Math.max(1, deadline - System.nanoTime())));
                    }
                }
                return answers;
            } catch (RedisException | CancellationException e) {
                cancelAll();
                throw unavailable(e, TimeUnit.NANOSECONDS.toMillis(callsTimeoutNanos));
            }
        }

        private void cancelAll() {
            sent.forEach(call -> call.cancel(false));
        }
    }

    private static <T> T await(RedisFuture<T> future, long nanos) {
        return LettuceFutures.awaitOrCancel(future, nanos, TimeUnit.NANOSECONDS);
    }

    private RedisClusterAsyncCommands<String, String> commands() {
        RedisConnector.Connection<String, String> current = connection;
        return (current != null ? current : connect()).async();
    }

    /**
     * Connects on first use rather than in the constructor, so a process starts (and serves its fallback)
     * while Redis is still down. Once connected, Lettuce reconnects by itself.
     */
    private synchronized RedisConnector.Connection<String, String> connect() {
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
            connection = connector.connect(StringCodec.UTF8);
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
            connection.stateful().close();
        }
        connector.close();
    }

    /** One script call of {@link #runAll}: its keys share a hash slot. */
    record ScriptCall(RedisScript script, ScriptOutputType output, String[] keys, String[] args) {
    }
}
