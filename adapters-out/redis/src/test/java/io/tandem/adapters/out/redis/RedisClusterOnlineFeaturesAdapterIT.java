package io.tandem.adapters.out.redis;

import static io.tandem.adapters.out.redis.FeatureUpdateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The online store's tests on the shared three-master Redis Cluster (ADR-0030), and what only a cluster shows: one
 * run of updates whose users live on every node is applied, each user's keys share one slot whatever the user id
 * holds (braces, percent signs), and the items' keys share one.
 */
class RedisClusterOnlineFeaturesAdapterIT extends RedisOnlineFeaturesAdapterIT {

    private static final String[] ODD_USERS = {"{u:a}", "a}b", "%7D", "}", "{", "日本{x}", "a:b"};

    /** Hides the single-server connection of the superclass. */
    @BeforeAll
    static void connect() {
        redis = RedisTestServer.cluster();
    }

    @Test
    void oneRunOverUsersOnEveryNodeIsAppliedOnceAndReadBack() {
        String prefix = RedisTestServer.uniquePrefix();
        FeatureUpdateFixture updates = new FeatureUpdateFixture();
        List<String> users = new ArrayList<>(List.of(ODD_USERS));
        for (int i = 0; i < 60; i++) {
            users.add("user-" + i);
        }
        List<FeatureUpdate> batch = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            batch.add(updates.click(user, "item-" + (i % 5), T0.plusSeconds(i), 1, "books"));
            batch.add(updates.update(EventType.HIDE, user, "hidden-" + i, T0.plusSeconds(i), 0));
        }
        try (RedisOnlineFeaturesAdapter store = new RedisOnlineFeaturesAdapter(redis.settings(prefix),
                Duration.ofHours(1), 10)) {
            store.apply(batch);
            store.apply(batch);

            for (int i = 0; i < users.size(); i++) {
                UserId user = UserId.of(users.get(i));
                assertThat(store.userState(user, 10).seen()).extracting(ItemId::value)
                        .containsExactlyInAnyOrder("item-" + (i % 5), "hidden-" + i);
                assertThat(store.userCounts(user).count(EventType.CLICK)).isEqualTo(1);
            }
            assertThat(store.itemCounts(List.of(ItemId.of("item-0"))).get(ItemId.of("item-0"))
                    .count(EventType.CLICK)).isEqualTo((users.size() + 4) / 5);
            assertThat(store.popularItems(Optional.of("books"), 5, T0)).hasSize(5);

            RedisKeys keys = new RedisKeys(prefix);
            for (String user : users) {
                UserId id = UserId.of(user);
                assertThat(Set.of(keys.recentItems(id), keys.seenItems(id), keys.positiveCells(id),
                        keys.positivesByRecency(id), keys.userCounts(id)))
                        .extracting(SlotHash::getSlot).as(user).containsOnly(SlotHash.getSlot(keys.recentItems(id)));
            }
            // Every master holds some of this run's keys: the users really were spread over the cluster.
            for (RedisURI node : RedisEndpoint.parse(RedisTestServer.CLUSTER_URI).seeds()) {
                assertThat(keysOn(node, prefix)).as(node.toString()).isPositive();
            }
        } finally {
            redis.deleteKeys(prefix);
        }
    }

    private static long keysOn(RedisURI node, String prefix) {
        RedisClient client = RedisClient.create(node);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            Set<String> found = new HashSet<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*"));
                found.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
            return found.size();
        } finally {
            client.shutdown();
        }
    }
}
