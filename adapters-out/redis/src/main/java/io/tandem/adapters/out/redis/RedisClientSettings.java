package io.tandem.adapters.out.redis;

import io.lettuce.core.RedisURI;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the Redis online store lives and how long any one command may take.
 *
 * @param uri            a Lettuce Redis URI, e.g. {@code redis://127.0.0.1:6379/0} or {@code rediss://user:pw@host}
 * @param keyPrefix      put in front of every key, so several deployments (or tests) share one Redis
 * @param commandTimeout the most any command (and a connection attempt) may take before it fails
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
            RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("uri: '" + uri + "' is not a Redis URI (redis://host:port[/db])", e);
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (commandTimeout == null || commandTimeout.isZero() || commandTimeout.isNegative()) {
            throw new IllegalArgumentException("commandTimeout: must be a positive duration");
        }
    }

    /** Settings for {@code uri} with the default key prefix and command timeout. */
    public static RedisClientSettings of(String uri) {
        return new RedisClientSettings(uri, DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT);
    }
}
