package io.tandem.adapters.out.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the Redis online store lives and how long any one command may take.
 *
 * @param uri            a Lettuce Redis URI, e.g. {@code redis://127.0.0.1:6379/0} or {@code rediss://user:pw@host}, or
 *                       a Redis Cluster's seed nodes, {@code redis-cluster://host:port,host:port,...} (see
 *                       {@link RedisEndpoint})
 * @param keyPrefix      put in front of every key, so several deployments (or tests) share one Redis; without
 *                       braces, which would change the hash slots Tandem's keys are placed in (ADR-0030)
 * @param commandTimeout the most any command (and a connection attempt) may take before it fails; feature writes,
 *                       which only the log consumers wait for, may take up to 5 s (or this, when longer)
 */
public record RedisClientSettings(String uri, String keyPrefix, Duration commandTimeout) {

    public static final String DEFAULT_KEY_PREFIX = "tandem:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(200);

    public RedisClientSettings {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("uri: is required");
        }
        try {
            // Lettuce parses the URI only on connect, which the adapters defer: a typo would surface as an outage.
            RedisEndpoint.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("uri: " + e.getMessage(), e);
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
            // A brace in the prefix would become the hash tag of every key, splitting one user's keys over slots.
            throw new IllegalArgumentException("keyPrefix: must not contain '{' or '}' (Tandem sets the hash tags)");
        }
        if (commandTimeout == null || commandTimeout.isZero() || commandTimeout.isNegative()) {
            throw new IllegalArgumentException("commandTimeout: must be a positive duration");
        }
    }

    /** Where Redis is: one server or a cluster's seed nodes. */
    RedisEndpoint endpoint() {
        return RedisEndpoint.parse(uri);
    }

    /** Settings for {@code uri} with the default key prefix and command timeout. */
    public static RedisClientSettings of(String uri) {
        return new RedisClientSettings(uri, DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT);
    }
}
