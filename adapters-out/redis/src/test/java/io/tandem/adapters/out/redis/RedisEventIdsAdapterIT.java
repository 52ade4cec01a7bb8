package io.tandem.adapters.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.domain.interaction.EventId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event-id claims against the shared Redis, each test under its own key prefix. */
class RedisEventIdsAdapterIT {

    static RedisTestServer redis;

    private String prefix;
    private RedisEventIdsAdapter claims;

    @BeforeAll
    static void connect() {
        redis = RedisTestServer.shared();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void newPrefix() {
        prefix = RedisTestServer.uniquePrefix();
        claims = new RedisEventIdsAdapter(redis.settings(prefix));
    }

    @AfterEach
    void cleanUp() {
        claims.close();
        redis.deleteKeys(prefix);
    }

    @Test
    void claimsOnlyIdsNotClaimedBefore() {
        assertThat(claims.claim(ids("a", "b"))).isEqualTo(Set.copyOf(ids("a", "b")));
        assertThat(claims.claim(ids("b", "c", "c"))).isEqualTo(Set.copyOf(ids("c")));
        assertThat(claims.claim(List.of())).isEmpty();
    }

    @Test
    void releasedIdsCanBeClaimedAgain() {
        claims.claim(ids("a", "b"));
        claims.release(ids("a"));
        assertThat(claims.claim(ids("a", "b"))).isEqualTo(Set.copyOf(ids("a")));
        claims.release(List.of());
    }

    @Test
    void claimsExpireAfterTheirTtl() {
        claims.claim(ids("a"));
        long ttl = redis.commands().ttl(prefix + "claim:a");
        assertThat(ttl).isBetween(Duration.ofDays(30).toSeconds() - 60, Duration.ofDays(30).toSeconds());

        try (RedisEventIdsAdapter shortLived =
                     new RedisEventIdsAdapter(redis.settings(prefix), Duration.ofSeconds(5))) {
            shortLived.claim(ids("b"));
            assertThat(redis.commands().ttl(prefix + "claim:b")).isBetween(1L, 5L);
        }
    }

    @Test
    void ofConcurrentClaimsFromTwoProcessesExactlyOneWinsEachId() throws Exception {
        List<EventId> all = new ArrayList<>();
        for (int i = 0; i < RedisEventIdsAdapter.IDS_PER_SCRIPT * 3 + 7; i++) {
            all.add(new EventId("id-" + i));
        }
        try (RedisEventIdsAdapter other = new RedisEventIdsAdapter(redis.settings(prefix))) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Set<EventId>>> results = new ArrayList<>();
            try {
                for (int t = 0; t < 8; t++) {
                    RedisEventIdsAdapter process = t % 2 == 0 ? claims : other;
                    List<EventId> shuffled = new ArrayList<>(all);
                    Collections.shuffle(shuffled, new Random(t));
                    results.add(threads.submit(() -> {
                        start.await();
                        return process.claim(shuffled);
                    }));
                }
                start.countDown();
                Set<EventId> won = new HashSet<>();
                int wins = 0;
                for (Future<Set<EventId>> result : results) {
                    Set<EventId> mine = result.get(60, TimeUnit.SECONDS);
                    wins += mine.size();
                    won.addAll(mine);
                }
                assertThat(wins).isEqualTo(all.size());
                assertThat(won).containsExactlyInAnyOrderElementsOf(all);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static List<EventId> ids(String... values) {
        List<EventId> ids = new ArrayList<>();
        for (String value : values) {
            ids.add(new EventId(value));
        }
        return ids;
    }
}
