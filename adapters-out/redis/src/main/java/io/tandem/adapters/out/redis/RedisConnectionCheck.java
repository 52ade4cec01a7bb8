package io.tandem.adapters.out.redis;

import java.time.Duration;

/**
 * Whether Redis answers at a URI: one connection, {@code INFO server}, closed again. For {@code tandem config
 * check} and start-up reports, never for the request path.
 */
public final class RedisConnectionCheck {

    private RedisConnectionCheck() {
    }

    /**
     * @return what answered, for example {@code Redis 7.0.15}, or {@code Redis Cluster 7.0.15} (one node's version)
     * @throws OnlineStoreUnavailableException naming the endpoint when Redis does not answer within {@code timeout}
     * @throws IllegalArgumentException when {@code uri} is not a Redis URI
     */
    public static String serverVersion(String uri, Duration timeout) {
        try (RedisLink link = new RedisLink(new RedisClientSettings(uri, "", timeout))) {
            String info = link.call(commands -> commands.info("server"));
            return info.lines().filter(line -> line.startsWith("redis_version:")).findFirst()
                    .map(line -> (link.cluster() ? "Redis Cluster " : "Redis ")
                            + line.substring("redis_version:".length()).strip())
                    .orElse(link.cluster() ? "Redis Cluster" : "Redis");
        }
    }
}
