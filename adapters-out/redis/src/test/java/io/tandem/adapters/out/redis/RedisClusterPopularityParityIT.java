package io.tandem.adapters.out.redis;

import org.junit.jupiter.api.BeforeAll;

/**
 * Exact parity with the in-memory store, rebases included, on the shared three-master Redis Cluster (ADR-0030):
 * the users' keys spread over the nodes, the items' keys on one slot.
 */
class RedisClusterPopularityParityIT extends RedisPopularityParityIT {

    /** Hides the single-server connection of the superclass. */
    @BeforeAll
    static void connect() {
        redis = RedisTestServer.cluster();
    }
}
