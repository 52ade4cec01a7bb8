package io.tandem.adapters.out.redis;

/** The rate limiter's tests on the shared three-master Redis Cluster (ADR-0030): each bucket is one key. */
class RedisClusterRateLimitAdapterIT extends RedisRateLimitAdapterIT {

    @Override
    RedisTestServer server() {
        return RedisTestServer.cluster();
    }
}
