package io.tandem.adapters.out.redis;

import io.tandem.domain.interaction.EventId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Event-id claims on the shared three-master Redis Cluster (ADR-0030): one script call per slot of the claims. */
class RedisClusterEventIdsAdapterIT extends RedisEventIdsAdapterIT {

    /** Hides the single-server connection of the superclass. */
    @BeforeAll
    static void connect() {
        redis = RedisTestServer.cluster();
    }

    @Test
    void claimsSpreadOverEverySlotAreEachWonOnceInTheirOrder() {
        String prefix = RedisTestServer.uniquePrefix();
        try (RedisEventIdsAdapter claims = new RedisEventIdsAdapter(redis.settings(prefix))) {
            List<EventId> ids = new ArrayList<>();
            for (int i = 0; i < RedisEventIdsAdapter.IDS_PER_SCRIPT * 2 + 7; i++) {
                ids.add(new EventId("e-" + i));
            }
            Set<EventId> won = claims.claim(ids);
            assertThat(won).containsExactlyElementsOf(ids);
            List<EventId> again = new ArrayList<>(ids.subList(0, 10));
            again.add(new EventId("new"));
            assertThat(claims.claim(again)).containsExactly(new EventId("new"));
            claims.release(ids);
            assertThat(claims.claim(ids.subList(0, 3))).containsExactlyElementsOf(ids.subList(0, 3));
        } finally {
            redis.deleteKeys(prefix);
        }
    }
}
