package io.tandem.adapters.out.redis;

import io.lettuce.core.RedisURI;

import java.util.ArrayList;
import java.util.List;

/**
 * Where Redis is: one server ({@code redis://}, {@code rediss://}, any URI Lettuce reads) or a Redis Cluster named by
 * its seed nodes, {@code redis-cluster://[[user]:password@]host:port[,host:port...]} ({@code rediss-cluster://} for
 * TLS). Lettuce has no URI for a cluster, so the seeds are parsed here; the client learns the other nodes from them.
 *
 * @param seeds   the one server, or the cluster's seed nodes (one or more)
 * @param cluster whether the seeds are nodes of a Redis Cluster
 */
record RedisEndpoint(List<RedisURI> seeds, boolean cluster) {

    static final String CLUSTER_SCHEME = "redis-cluster://";
    static final String TLS_CLUSTER_SCHEME = "rediss-cluster://";
    static final String FORMS = "redis-cluster://host:port,host:port,... for a Redis Cluster";

    RedisEndpoint {
        seeds = List.copyOf(seeds);
    }

    /** @throws IllegalArgumentException saying what is wrong and which forms are read */
    static RedisEndpoint parse(String uri) {
        boolean tls = uri.startsWith(TLS_CLUSTER_SCHEME);
        if (!tls && !uri.startsWith(CLUSTER_SCHEME)) {
            if (uri.startsWith("redis://") && uri.contains(",") && !uri.contains("?")) {
                // Lettuce would take the first host alone and every key of another node would fail with MOVED.
                throw new IllegalArgumentException("'" + masked(uri) + "' names several servers: use " + FORMS);
            }
            try {
                return new RedisEndpoint(List.of(RedisURI.create(uri)), false);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + uri + "' is not a Redis URI (redis://host:port[/db])", e);
            }
        }
        String rest = uri.substring(tls ? TLS_CLUSTER_SCHEME.length() : CLUSTER_SCHEME.length());
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? null : userInfo.substring(colon + 1);
        }
        if (rest.contains("/") || rest.contains("?")) {
            throw new IllegalArgumentException("a Redis Cluster has database 0 only: '" + masked(uri)
                    + "' must name its nodes and nothing else (" + FORMS + ")");
        }
        List<RedisURI> seeds = new ArrayList<>();
        for (String node : rest.split(",", -1)) {
            seeds.add(seed(node.strip(), user, password, tls, uri));
        }
        return new RedisEndpoint(seeds, true);
    }

    private static RedisURI seed(String node, String user, String password, boolean tls, String uri) {
        int colon = node.lastIndexOf(':');
        String host = colon < 0 ? "" : node.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(node.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below with the node's text
        }
        if (host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("'" + node + "' in '" + masked(uri)
                    + "' is not a cluster node as host:port (" + FORMS + ")");
        }
        RedisURI.Builder seed = RedisURI.builder().withHost(host).withPort(port).withSsl(tls);
        if (password != null && !password.isEmpty()) {
            if (user == null || user.isEmpty()) {
                seed.withPassword(password.toCharArray());
            } else {
                seed.withAuthentication(user, password.toCharArray());
            }
        }
        return seed.build();
    }

    /** The URI without its password, for messages. */
    private static String masked(String uri) {
        int at = uri.lastIndexOf('@');
        int scheme = uri.indexOf("://");
        return at < 0 || scheme < 0 ? uri : uri.substring(0, scheme + 3) + "***@" + uri.substring(at + 1);
    }

    /** The seeds as {@code host:port,...}, for messages. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (RedisURI seed : seeds) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(seed.getHost() == null ? seed.toString() : seed.getHost() + ":" + seed.getPort());
        }
        return text.toString();
    }
}
