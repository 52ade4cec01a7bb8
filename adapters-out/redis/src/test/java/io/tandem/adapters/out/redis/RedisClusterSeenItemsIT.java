package io.tandem.adapters.out.redis;

import org.junit.jupiter.api.BeforeAll;

/** The seen-items contract on the shared three-master Redis Cluster (ADR-0030). */
class RedisClusterSeenItemsIT extends RedisSeenItemsIT {

    /** Hides the single-server connection of the superclass. */
    @BeforeAll
    static void connect() {
        redis = RedisTestServer.cluster();
    }
}
