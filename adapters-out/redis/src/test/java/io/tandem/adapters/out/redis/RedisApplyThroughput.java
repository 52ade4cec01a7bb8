package io.tandem.adapters.out.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/**
 * A measurement, not a test (its name matches neither *Test nor *IT, and it runs only when asked): the online
 * feature applier's throughput, batches of 500 updates applied one after the other as the event-log consumer does,
 * on a private single Redis and on the three-master cluster, with the script time each node spent (ADR-0030). Run with
 * {@code mvn -B -o -pl adapters-out/redis -am verify -Dtest=RedisApplyThroughput -Dtandem.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false} after {@code scripts/services.sh up redis redis-cluster}. Options:
 * {@code -Dtandem.measure.events=N}, {@code -Dtandem.measure.shape=bench} (the shape of {@code bench ingest}),
 * {@code -Dtandem.measure.cluster=false} (the single server only), {@code -Dtandem.measure.recent-cap=N}. It prints
 * Redis's CPU per event ({@code INFO cpu}, steadier than wall time on a loaded machine) and each command's calls and
 * microseconds per event ({@code INFO commandstats}, commands called from the scripts included; ADR-0034).
 */
@EnabledIfSystemProperty(named = "tandem.measure", matches = "true")
class RedisApplyThroughput {

    private static final int EVENTS = Integer.getInteger("tandem.measure.events", 100_000);
    private static final int USERS = 20_000;
    private static final int ITEMS = 5_000;
    private static final String[] CATEGORIES = {"books", "music", "films", "toys"};
    /** The production default of {@code tandem.features.recent-items-cap}; the list's length drives LREM's cost. */
    private static final int RECENT_CAP = Integer.getInteger("tandem.measure.recent-cap", 500);
    private static final boolean CLUSTER = Boolean.parseBoolean(System.getProperty("tandem.measure.cluster", "true"));

    @Test
    void singleServerAndCluster() throws Exception {
        List<FeatureUpdate> updates = updates(new Random(7));
        // A private server, so no other test's traffic counts in its script time.
        try (PrivateRedisServer single = PrivateRedisServer.started()) {
            measure("single", single.uri(), updates);
        }
        if (CLUSTER) {
            measure("cluster", RedisTestServer.CLUSTER_URI, updates);
        }
    }

    private static void measure(String name, String uri, List<FeatureUpdate> updates) {
        String prefix = RedisTestServer.uniquePrefix();
        List<RedisURI> nodes = RedisEndpoint.parse(uri).seeds();
        try (RedisTestServer admin = new RedisTestServer(uri);
             RedisOnlineFeaturesAdapter store = new RedisOnlineFeaturesAdapter(
                     new RedisClientSettings(uri, prefix, Duration.ofSeconds(5)), Duration.ofDays(7), RECENT_CAP)) {
            store.apply(updates.subList(0, 500));
            nodes.forEach(node -> node(node, true));
            double cpuBefore = nodes.stream().mapToDouble(RedisApplyThroughput::cpuSeconds).sum();
            long started = System.nanoTime();
            for (int from = 500; from < updates.size(); from += 500) {
                store.apply(updates.subList(from, Math.min(updates.size(), from + 500)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            StringBuilder perNode = new StringBuilder();
            for (RedisURI node : nodes) {
                perNode.append(' ').append(node.getPort()).append('=').append(node(node, false)).append("ms");
            }
            int measured = updates.size() - 500;
            System.out.printf("MEASURE %s: %d events in %.2f s = %.0f events/s; script time per node:%s%n", name,
                    measured, seconds, measured / seconds, perNode);
            double cpu = nodes.stream().mapToDouble(RedisApplyThroughput::cpuSeconds).sum() - cpuBefore;
            System.out.printf("MEASURE %s: Redis CPU (user + sys, all nodes) %.2f s = %.1f us/event%n", name, cpu,
                    cpu * 1e6 / measured);
            nodes.forEach(node -> commandStats(node, measured));
            admin.deleteKeys(prefix);
        }
    }

    /** Resets a node's command statistics, or reads the milliseconds it spent in EVALSHA since. */
    private static long node(RedisURI node, boolean reset) {
        RedisClient client = RedisClient.create(node);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            if (reset) {
                connection.sync().configResetstat();
                return 0;
            }
            for (String line : connection.sync().info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_evalsha:")) {
                    String usec = line.substring(line.indexOf("usec=") + 5);
                    return Long.parseLong(usec.substring(0, usec.indexOf(','))) / 1000;
                }
            }
            return 0;
        } finally {
            client.shutdown();
        }
    }

    /** The node's CPU time so far, user and system: steadier than script wall time on a loaded machine. */
    private static double cpuSeconds(RedisURI node) {
        RedisClient client = RedisClient.create(node);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            double seconds = 0;
            for (String line : connection.sync().info("cpu").split("\\r?\\n")) {
                if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                    seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return seconds;
        } finally {
            client.shutdown();
        }
    }

    /** Prints each command's calls and microseconds per event, commands called from scripts included. */
    private static void commandStats(RedisURI node, int events) {
        RedisClient client = RedisClient.create(node);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            for (String line : connection.sync().info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_")) {
                    String name = line.substring(8, line.indexOf(':'));
                    long calls = Long.parseLong(line.replaceAll("^[^:]*:calls=(\\d+),.*", "$1"));
                    long usec = Long.parseLong(line.replaceAll(".*[:,]usec=(\\d+),.*", "$1"));
                    System.out.printf("MEASURE   %d %-18s calls/event %6.2f  usec/event %6.2f  usec/call %6.2f%n",
                            node.getPort(), name, calls / (double) events, usec / (double) events,
                            usec / (double) Math.max(1, calls));
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static List<FeatureUpdate> updates(Random random) {
        return "bench".equals(System.getProperty("tandem.measure.shape")) ? benchUpdates(random) : mixedUpdates(random);
    }

    /**
     * The shape of {@code tandem bench ingest}: users and items drawn uniformly (events / 20 users, events / 50
     * items, none in the catalog, so no categories), the six event types alike, views and purchases weighted by a
     * value, times within the last hour.
     */
    private static List<FeatureUpdate> benchUpdates(Random random) {
        EventType[] types = {EventType.CLICK, EventType.VIEW, EventType.LIKE, EventType.ADD_TO_CART,
            EventType.PURCHASE, EventType.IMPRESSION};
        FeaturePolicy policy = FeaturePolicy.defaults();
        List<FeatureUpdate> updates = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            EventType type = types[random.nextInt(types.length)];
            OptionalDouble value = type == EventType.VIEW || type == EventType.PURCHASE
                    ? OptionalDouble.of(1 + random.nextInt(300)) : OptionalDouble.empty();
            Event event = new Event(new EventId("bench-" + i), type, UserId.of("u" + random.nextInt(EVENTS / 20)),
                    ItemId.of("i" + random.nextInt(EVENTS / 50)),
                    FeatureUpdateFixture.T0.plusSeconds(random.nextInt(3600)), value, EventContext.NONE);
            updates.add(policy.updateFor(event, Set.of()));
        }
        return updates;
    }

    private static List<FeatureUpdate> mixedUpdates(Random random) {
        FeatureUpdateFixture fixture = new FeatureUpdateFixture();
        List<FeatureUpdate> updates = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String user = "user-" + random.nextInt(USERS);
            // A long tail: item k is drawn about 1/k as often.
            String item = "item-" + (int) Math.floor(Math.pow(ITEMS, random.nextDouble()));
            String category = CATEGORIES[Math.floorMod(item.hashCode(), CATEGORIES.length)];
            EventType type = random.nextInt(4) == 0 ? EventType.IMPRESSION : EventType.CLICK;
            double weight = type == EventType.CLICK ? 1 : 0;
            updates.add(fixture.update(type, user, item, FeatureUpdateFixture.T0.plusMillis(i * 10L), weight,
                    category));
        }
        return updates;
    }
}
