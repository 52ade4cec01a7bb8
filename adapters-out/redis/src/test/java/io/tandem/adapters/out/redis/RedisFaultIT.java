package io.tandem.adapters.out.redis;

import static io.tandem.adapters.out.redis.FeatureUpdateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lettuce.core.RedisCommandTimeoutException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventLogUnavailableException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What serving sees when Redis crashes, hangs or is not there yet, against a private redis-server the test
 * kills, freezes and restarts (never the shared one): every call fails within its timeout with
 * {@link OnlineStoreUnavailableException}, and the adapter works again once Redis is back.
 */
class RedisFaultIT {

    private static final Duration TIMEOUT = Duration.ofMillis(250);
    /** Room for scheduling noise on a busy machine; far below "hangs". */
    private static final long SLACK_MILLIS = 600;

    private final FeatureUpdateFixture updates = new FeatureUpdateFixture();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closedAfterTest(T resource) {
        resources.add(resource);
        return resource;
    }

    private static RedisClientSettings settings(PrivateRedisServer server) {
        return new RedisClientSettings(server.uri(), "tandem:", TIMEOUT);
    }

    @Test
    void aKilledRedisFailsEveryCallFastAndIsUsedAgainAfterItRestarts() throws Exception {
        PrivateRedisServer server = closedAfterTest(PrivateRedisServer.started());
        RedisOnlineFeaturesAdapter store = closedAfterTest(
                new RedisOnlineFeaturesAdapter(settings(server), Duration.ofHours(1), 10));
        RedisEventIdsAdapter claims = closedAfterTest(new RedisEventIdsAdapter(settings(server)));
        store.apply(List.of(updates.click("u1", "a", T0, 1)));
        assertThat(claims.claim(List.of(new EventId("e1")))).hasSize(1);

        server.kill();

        assertFailsFast(() -> store.recentItems(UserId.of("u1"), 10));
        assertFailsFast(() -> store.popularItems(Optional.empty(), 10, T0));
        assertFailsFast(() -> store.itemCounts(List.of(ItemId.of("a"))));
        assertFailsFast(() -> store.userCounts(UserId.of("u1")));
        assertFailsFast(() -> {
            store.apply(List.of(updates.click("u1", "b", T0, 1)));
            return null;
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> claims.claim(List.of(new EventId("e2"))))
                .isInstanceOf(EventLogUnavailableException.class)
                .hasCauseInstanceOf(OnlineStoreUnavailableException.class);
        assertThat(elapsedMillis(started)).isLessThan(TIMEOUT.toMillis() + SLACK_MILLIS);

        // Same port, empty data set, empty script cache: EVALSHA misses and the source is sent again.
        server.start();
        eventually(() -> store.recentItems(UserId.of("u1"), 10));
        store.apply(List.of(updates.click("u2", "c", T0, 1)));
        assertThat(store.recentItems(UserId.of("u2"), 10)).containsExactly(ItemId.of("c"));
        assertThat(store.popularItems(Optional.empty(), 10, T0)).extracting(s -> s.item().value()).containsExactly("c");
        eventually(() -> claims.claim(List.of(new EventId("e3"))));
    }

    @Test
    void aHangingRedisTimesOutAndIsUsedAgainWhenItAnswers() throws Exception {
        PrivateRedisServer server = closedAfterTest(PrivateRedisServer.started());
        RedisOnlineFeaturesAdapter store = closedAfterTest(
                new RedisOnlineFeaturesAdapter(settings(server), Duration.ofHours(1), 10));
        store.apply(List.of(updates.click("u1", "a", T0, 1)));
        // Writes have a connection of their own: a read opens the reads' one, which then hangs.
        assertThat(store.recentItems(UserId.of("u1"), 10)).containsExactly(ItemId.of("a"));

        server.freeze();
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> store.popularItems(Optional.empty(), 10, T0));
        long elapsed = elapsedMillis(started);
        assertThat(failure).isInstanceOf(OnlineStoreUnavailableException.class)
                .hasMessageContaining("did not answer within 250 ms")
                .hasCauseInstanceOf(RedisCommandTimeoutException.class);
        assertThat(elapsed).isBetween(TIMEOUT.toMillis() - 10, TIMEOUT.toMillis() + SLACK_MILLIS);
        assertFailsFast(() -> store.itemCounts(List.of(ItemId.of("a"))));

        server.thaw();
        assertThat(eventually(() -> store.recentItems(UserId.of("u1"), 10))).containsExactly(ItemId.of("a"));
    }

    @Test
    void theServingReadOfAUserStateWaitsOnlyItsOwnTimeout() throws Exception {
        PrivateRedisServer server = closedAfterTest(PrivateRedisServer.started());
        RedisOnlineFeaturesAdapter store = closedAfterTest(new RedisOnlineFeaturesAdapter(settings(server),
                Duration.ofHours(1), 10, Duration.ofDays(1), Duration.ofMillis(40)));
        store.apply(List.of(updates.click("u1", "a", T0, 1)));
        assertThat(store.userState(UserId.of("u1"), 10).seen()).containsExactly(ItemId.of("a"));

        server.freeze();
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> store.userState(UserId.of("u1"), 10));
        long elapsed = elapsedMillis(started);

        assertThat(failure).isInstanceOf(OnlineStoreUnavailableException.class)
                .hasMessageContaining("did not answer within 40 ms");
        // Well before the 250 ms every other command may take.
        assertThat(elapsed).isLessThan(TIMEOUT.toMillis());
        server.thaw();
        assertThat(eventually(() -> store.userState(UserId.of("u1"), 10)).seen()).containsExactly(ItemId.of("a"));
    }

    @Test
    void aRedisNotYetStartedFailsFastAndIsUsedOnceItIsUp() throws Exception {
        PrivateRedisServer server = closedAfterTest(PrivateRedisServer.onFreePort());
        RedisOnlineFeaturesAdapter store = closedAfterTest(
                new RedisOnlineFeaturesAdapter(settings(server), Duration.ofHours(1), 10));

        assertFailsFast(() -> store.recentItems(UserId.of("u1"), 10));
        // Within the pause after a failed connection, calls fail without trying again.
        assertFailsFast(() -> store.recentItems(UserId.of("u1"), 10));

        server.start();
        assertThat(eventually(() -> store.recentItems(UserId.of("u1"), 10))).isEmpty();
    }

    @Test
    void batchesAreOneCommandEachWhateverTheirSize() throws Exception {
        PrivateRedisServer server = closedAfterTest(PrivateRedisServer.started());
        RedisOnlineFeaturesAdapter store = closedAfterTest(
                new RedisOnlineFeaturesAdapter(settings(server), Duration.ofHours(1), 10));
        RedisTestServer admin = closedAfterTest(new RedisTestServer(server.uri()));
        List<ItemId> items = new ArrayList<>();
        List<FeatureUpdate> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(ItemId.of("item-" + i));
            batch.add(updates.click("u" + i % 5, "item-" + i, T0.plusSeconds(i), 1, "books", "films"));
        }
        // Load the scripts first, so the counts below are not about the EVALSHA miss.
        store.apply(batch.subList(0, 1));
        store.itemCounts(items.subList(0, 1));
        store.popularItems(Optional.empty(), 1, T0);

        admin.commands().configResetstat();
        store.apply(batch);
        store.itemCounts(items);
        store.popularItems(Optional.of("books"), 50, T0);
        store.recentItems(UserId.of("u1"), 10);

        Map<String, Long> calls = commandCalls(admin);
        // The batch is two script calls sent together (the items' side, and all users' on one Redis), then one each.
        assertThat(calls.getOrDefault("evalsha", 0L)).isEqualTo(4);
        assertThat(calls.getOrDefault("eval", 0L)).isZero();
        assertThat(calls.getOrDefault("lrange", 0L)).isEqualTo(1);
        // Inside the scripts: one HGETALL per item, two HINCRBY per event.
        assertThat(calls.get("hgetall")).isEqualTo(300);
        assertThat(calls.get("hincrby")).isEqualTo(2 * 299);
    }

    @Test
    void aFeatureWriteOutlastsAStallLongerThanTheServingTimeout() throws Exception {
        PrivateRedisServer server = closedAfterTest(PrivateRedisServer.started());
        RedisOnlineFeaturesAdapter store = closedAfterTest(
                new RedisOnlineFeaturesAdapter(settings(server), Duration.ofHours(1), 10));
        store.apply(List.of(updates.click("u1", "a", T0, 1)));

        server.freeze();
        Thread thaw = new Thread(() -> {
            try {
                Thread.sleep(4 * TIMEOUT.toMillis());
                server.thaw();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        thaw.start();
        // A write is off the request path: it waits out a stall the serving reads would give up on, instead of
        // failing and making the log consumer re-send its whole poll.
        store.apply(List.of(updates.click("u1", "b", T0.plusSeconds(1), 1)));
        thaw.join();

        assertThat(store.recentItems(UserId.of("u1"), 10)).containsExactly(ItemId.of("b"), ItemId.of("a"));
    }

    private static Map<String, Long> commandCalls(RedisTestServer admin) {
        Map<String, Long> calls = new HashMap<>();
        for (String line : admin.commands().info("commandstats").split("\r?\n")) {
            // cmdstat_evalsha:calls=1,usec=...
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String rest = line.substring(line.indexOf("calls=") + "calls=".length());
                calls.put(name, Long.parseLong(rest.substring(0, rest.indexOf(','))));
            }
        }
        return calls;
    }

    private static void assertFailsFast(Supplier<?> call) {
        long started = System.nanoTime();
        Throwable failure = catchThrowable(call::get);
        long elapsed = elapsedMillis(started);
        assertThat(failure).isInstanceOf(OnlineStoreUnavailableException.class).hasMessageContaining("Redis at");
        assertThat(elapsed).as("milliseconds to fail").isLessThan(TIMEOUT.toMillis() + SLACK_MILLIS);
    }

    /** Retries until the adapter has reconnected; Lettuce retries at least once a second. */
    private static <T> T eventually(Supplier<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return call.get();
            } catch (OnlineStoreUnavailableException | EventLogUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
