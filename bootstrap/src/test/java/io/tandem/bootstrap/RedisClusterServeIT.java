package io.tandem.bootstrap;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving on a Redis Cluster end to end (ADR-0030): {@code tandem.redis.uri} names the three-master cluster of
 * scripts/services.sh; events go in over HTTP, their features and claims land on every node, and the answers reflect
 * them (popularity for a newcomer, the seen filter for a known user). Keys are private to this test.
 */
class RedisClusterServeIT {

    private static final String CLUSTER_URI = System.getenv().getOrDefault("TANDEM_REDIS_CLUSTER_URI",
            "redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003");
    private static final String PREFIX = "tandem-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    private static TandemHttp tandem;

    @BeforeAll
    static void start() {
        tandem = TandemHttp.start(Map.of(
                "tandem.online-store", "redis", "tandem.event-ids", "redis",
                "tandem.redis.uri", CLUSTER_URI, "tandem.redis.key-prefix", PREFIX));
    }

    @AfterAll
    static void stopAndClean() {
        tandem.close();
        for (String node : nodes()) {
            RedisClient client = RedisClient.create(node);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                for (String key : keys(connection)) {
                    connection.sync().del(key);
                }
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void eventsSpreadOverTheClusterAreServedBack() throws Exception {
        StringBuilder batch = new StringBuilder("[");
        // Twenty users, so their keys land on every node; x is bought by all, y liked by most, z only clicked.
        for (int u = 0; u < 20; u++) {
            batch.append(event("b-" + u, "purchase", "user-" + u, "x", "2026-11-19T10:00:00Z")).append(',');
            if (u % 4 != 0) {
                batch.append(event("l-" + u, "like", "user-" + u, "y", "2026-11-19T11:00:00Z")).append(',');
            }
        }
        batch.append(event("c-1", "click", "reader", "z", "2026-11-20T10:00:00Z")).append(',');
        batch.append(event("c-2", "click", "reader", "x", "2026-11-20T11:00:00Z")).append(',');
        batch.append(event("i-1", "impression", "reader", "y", "2026-11-21T08:00:00Z")).append(']');
        assertThat(tandem.postJson("/v1/items:batch", "[{\"itemId\":\"x\"},{\"itemId\":\"y\"},{\"itemId\":\"z\"}]")
                .status()).isEqualTo(200);

        JsonNode report = tandem.postJson("/v1/events", batch.toString()).tree();
        assertThat(report.get("accepted").getIntValue()).isEqualTo(38);
        // A retry is all duplicates: the claims live in the cluster.
        assertThat(tandem.postJson("/v1/events", batch.toString()).tree().get("duplicates").getIntValue())
                .isEqualTo(38);

        // No model: the fallback answers from its snapshot of the store, rebuilt now instead of at its next tick.
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
        assertThat(itemsFor("newcomer")).containsExactly("x", "y", "z");
        // The reader clicked x and z, and was only shown y: the seen filter keeps y alone.
        assertThat(itemsFor("reader")).containsExactly("y");
        for (String node : nodes()) {
            RedisClient client = RedisClient.create(node);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(keys(connection)).as("keys of this test on " + node).isNotEmpty();
            } finally {
                client.shutdown();
            }
        }
    }

    private static String event(String id, String type, String user, String item, String time) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\",\"time\":\"" + time + "\"}";
    }

    private static List<String> itemsFor(String user) throws Exception {
        JsonNode answer = tandem.get("/v1/users/" + user + "/recommendations?count=5").tree();
        List<String> items = new ArrayList<>();
        answer.get("items").values().forEach(item -> items.add(item.get("itemId").getStringValue()));
        return items;
    }

    private static List<String> nodes() {
        List<String> nodes = new ArrayList<>();
        for (String seed : CLUSTER_URI.substring("redis-cluster://".length()).split(",")) {
            nodes.add("redis://" + seed);
        }
        return nodes;
    }

    private static List<String> keys(StatefulRedisConnection<String, String> connection) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(PREFIX + "*"));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }
}
