package io.tandem.adapters.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.application.feature.port.out.OnlineFeatureStoreContract;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The online feature store contract against the shared Redis, each test under its own key prefix, and what Redis
 * adds: a shared popularity epoch and its rebase, batches split into script runs, parity with the memory store on
 * random histories, one command per user-state read within the timeout, and users written by an older version.
 */
class RedisOnlineFeaturesAdapterIT extends OnlineFeatureStoreContract {

    private static final Duration HOUR = Duration.ofHours(1);

    static RedisTestServer redis;

    private final FeatureUpdateFixture updates = new FeatureUpdateFixture();
    private final List<AutoCloseable> adapters = new ArrayList<>();
    private String prefix;

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
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable adapter : adapters) {
            adapter.close();
        }
        redis.deleteKeys(prefix);
        assertThat(redis.countKeys(prefix)).isZero();
    }

    @Override
    protected Store emptyStore(Duration halfLife, int cap) {
        return Store.of(adapter(halfLife, cap));
    }

    /** A store on the same prefix with its own connection and caches, as another process would open it. */
    @Override
    protected Store secondClient(Store store, Duration halfLife, int cap) {
        return Store.of(adapter(halfLife, cap));
    }

    private RedisOnlineFeaturesAdapter adapter(Duration halfLife, int cap) {
        RedisOnlineFeaturesAdapter adapter = new RedisOnlineFeaturesAdapter(redis.settings(prefix), halfLife, cap);
        adapters.add(adapter);
        return adapter;
    }

    @Test
    void theEpochIsSharedThroughRedis() {
        RedisOnlineFeaturesAdapter first = adapter(HOUR, 10);
        first.apply(List.of(updates.click("u1", "a", T0, 1)));
        assertThat(redis.commands().get(prefix + "popularity:epoch:{items}")).isEqualTo(T0.toString());

        // A second process starts later: it proposes its own first event's time, learns T0, and redoes the run.
        RedisOnlineFeaturesAdapter second = adapter(HOUR, 10);
        second.apply(List.of(updates.click("u2", "b", T0.plus(HOUR), 1)));
        assertThat(redis.commands().get(prefix + "popularity:epoch:{items}")).isEqualTo(T0.toString());
        assertThat(first.popularItems(Optional.empty(), 10, T0.plus(HOUR))).containsExactly(
                new ScoredItem(ItemId.of("b"), 1.0),
                new ScoredItem(ItemId.of("a"), 0.5));
    }

    @Test
    void rebaseKeepsValuesAndIsSeenByEveryProcess() {
        Duration second = Duration.ofSeconds(1);
        RedisOnlineFeaturesAdapter one = adapter(second, 10);
        RedisOnlineFeaturesAdapter two = adapter(second, 10);
        InMemoryOnlineFeaturesAdapter reference = new InMemoryOnlineFeaturesAdapter(second, 10);
        List<FeatureUpdate> early = List.of(
                updates.click("u1", "a", T0, 1, "books"),
                updates.click("u1", "b", T0.plusSeconds(10), 1, "films"));
        // 1,000 half-lives after the epoch: past PopularityDecay.MAX_HALF_LIVES, so a rebase comes first.
        Instant late = T0.plusSeconds(1000);
        List<FeatureUpdate> later = List.of(
                updates.click("u2", "c", late, 1, "books"),
                updates.click("u2", "a", late.plusSeconds(1), 1, "books"));
        List<FeatureUpdate> fromTwo = List.of(updates.click("u3", "b", T0.plusSeconds(20), 1, "films"));
        one.apply(early);
        two.apply(fromTwo);
        one.apply(later);
        assertThat(redis.commands().get(prefix + "popularity:epoch:{items}")).isEqualTo(late.toString());
        // "two" still holds the old epoch: its next run is refused by the apply script and redone under the new
        // one, although under the old epoch this late-arriving event needs no rebase.
        FeatureUpdate lateArrival = updates.click("u3", "e", T0.plusSeconds(30), 1, "films");
        two.apply(List.of(lateArrival));
        FeatureUpdate afterRebase = updates.click("u3", "d", late.plusSeconds(2), 1, "films");
        two.apply(List.of(afterRebase));

        reference.apply(early);
        reference.apply(fromTwo);
        reference.apply(later);
        reference.apply(List.of(lateArrival, afterRebase));
        Instant now = late.plusSeconds(3);
        List<Optional<String>> scopes = List.of(Optional.empty(), Optional.of("books"), Optional.of("films"));
        for (Optional<String> category : scopes) {
            assertThat(one.popularItems(category, 10, now)).isEqualTo(reference.popularItems(category, 10, now));
            assertThat(two.popularItems(category, 10, now)).isEqualTo(reference.popularItems(category, 10, now));
        }
        List<ScoredItem> books = one.popularItems(Optional.of("books"), 10, now);
        assertThat(books.get(0).item()).isEqualTo(ItemId.of("a"));
        assertThat(books.get(0).score()).isCloseTo(0.25 + Math.pow(2, -1003), within(1e-12));
        assertThat(books.get(1).score()).isCloseTo(0.125, within(1e-12));
    }

    @Test
    void aBatchLargerThanOneScriptRunIsAppliedInOrder() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 5);
        InMemoryOnlineFeaturesAdapter reference = new InMemoryOnlineFeaturesAdapter(HOUR, 5);
        List<FeatureUpdate> batch = new ArrayList<>();
        for (int i = 0; i < RedisOnlineFeaturesAdapter.EVENTS_PER_SCRIPT * 2 + 17; i++) {
            batch.add(updates.click("u" + i % 3, "item-" + i % 11, T0.plusMillis(i * 250L), 1, "c" + i % 2));
        }
        store.apply(batch);
        reference.apply(batch);
        for (int u = 0; u < 3; u++) {
            UserId user = UserId.of("u" + u);
            assertThat(store.recentItems(user, 5)).isEqualTo(reference.recentItems(user, 5));
            assertThat(store.userCounts(user)).isEqualTo(reference.userCounts(user));
        }
        Instant now = T0.plusSeconds(600);
        assertThat(store.popularItems(Optional.of("c1"), 20, now))
                .isEqualTo(reference.popularItems(Optional.of("c1"), 20, now));
    }

    @Test
    void theUserStateKeepsNoMoreThanTheCapInRedis() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 3);
        store.apply(List.of(
                updates.click("u1", "a", T0.plusSeconds(1), 1),
                updates.click("u1", "b", T0.plusSeconds(2), 1),
                updates.click("u1", "c", T0.plusSeconds(3), 1),
                updates.click("u1", "a", T0.plusSeconds(4), 1),
                updates.click("u1", "d", T0.plusSeconds(5), 1),
                updates.click("u1", "e", T0, 1)));

        assertThat(redis.commands().hlen(prefix + "positives:cells:{u:u1}")).isEqualTo(3);
        assertThat(redis.commands().zcard(prefix + "positives:recency:{u:u1}")).isEqualTo(3);
    }

    @Test
    void userStateSkipsSumsOutsideFloatsRangeLikeTheMemoryStore() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        InMemoryOnlineFeaturesAdapter reference = new InMemoryOnlineFeaturesAdapter(HOUR, 10);
        List<FeatureUpdate> batch = List.of(
                updates.click("u1", "tiny", T0.plusSeconds(1), 1e-50),
                updates.click("u1", "huge", T0.plusSeconds(2), 1e39),
                updates.click("u1", "huge", T0.plusSeconds(3), 1),
                updates.click("u1", "fine", T0, 1));
        store.apply(batch);
        reference.apply(batch);

        assertThat(store.userState(UserId.of("u1"), 10)).isEqualTo(reference.userState(UserId.of("u1"), 10));
        assertThat(store.userState(UserId.of("u1"), 10).positives()).extracting(p -> p.item().value())
                .containsExactly("fine");
    }

    @Test
    void memoryAndRedisGiveTheSameUserStateForTheSameUpdates() {
        int cap = 8;
        RedisOnlineFeaturesAdapter store = adapter(HOUR, cap);
        InMemoryOnlineFeaturesAdapter reference = new InMemoryOnlineFeaturesAdapter(HOUR, cap);
        Random random = new Random(20261121);
        double[] labels = {0.1, 0.2, 0.3, 0.7, 1, 1.3333333333333333, 2, 4, 2.5 * 0.1};
        EventType[] zeroTypes = {EventType.IMPRESSION, EventType.HIDE, EventType.SKIP, EventType.DISLIKE};
        int[] nanos = {0, 1, 500_000_000, 999_999_999};
        List<FeatureUpdate> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String user = "u" + random.nextInt(5);
            String item = "item-" + random.nextInt(30);
            // Few distinct seconds and nanos, out of order: ties, late arrivals and evictions are common.
            Instant time = T0.plusSeconds(random.nextInt(400)).plusNanos(nanos[random.nextInt(nanos.length)]);
            all.add(random.nextInt(4) == 0
                    ? updates.update(zeroTypes[random.nextInt(zeroTypes.length)], user, item, time, 0)
                    : updates.click(user, item, time, labels[random.nextInt(labels.length)]));
        }
        for (int from = 0; from < all.size(); ) {
            int to = Math.min(all.size(), from + 1 + random.nextInt(700));
            List<FeatureUpdate> batch = new ArrayList<>(all.subList(from, to));
            // Redeliveries of earlier events, which must change nothing.
            for (int r = 0; r < 20 && from > 0; r++) {
                batch.add(random.nextInt(batch.size() + 1), all.get(random.nextInt(from)));
            }
            store.apply(batch);
            reference.apply(batch);
            from = to;
        }

        boolean fractional = false;
        for (int u = 0; u < 5; u++) {
            UserId user = UserId.of("u" + u);
            for (int limit : new int[] {1, 3, cap, 100}) {
                assertThat(store.userState(user, limit)).as("%s, limit %d", user, limit)
                        .isEqualTo(reference.userState(user, limit));
            }
            UserState state = store.userState(user, 100);
            assertThat(state.positives()).hasSize(cap);
            // Every item the user acted on (30 items, each met many times), not the cap of the recent list.
            assertThat(state.seen()).hasSizeGreaterThan(cap);
            for (PositiveInteraction positive : state.positives()) {
                fractional |= positive.value() != Math.rint(positive.value());
            }
        }
        assertThat(fractional).as("some sums are not whole numbers, so float rounding was exercised").isTrue();
    }

    @Test
    void userStateIsOneCommandAndFailsWithinTheTimeoutWhenRedisHangs() throws Exception {
        Duration timeout = Duration.ofMillis(250);
        try (PrivateRedisServer server = PrivateRedisServer.started();
             RedisTestServer admin = new RedisTestServer(server.uri());
             RedisOnlineFeaturesAdapter store = new RedisOnlineFeaturesAdapter(
                     new RedisClientSettings(server.uri(), "tandem:", timeout), HOUR, 10)) {
            List<FeatureUpdate> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.add(updates.click("u1", "item-" + i, T0.plusSeconds(i), 1));
            }
            batch.add(updates.update(EventType.HIDE, "u1", "hidden", T0.plusSeconds(9), 0));
            store.apply(batch);
            // Load the script first, so the counts below are not about the EVALSHA miss.
            store.userState(UserId.of("u1"), 10);

            admin.commands().configResetstat();
            UserState state = store.userState(UserId.of("u1"), 10);

            assertThat(state.seen()).hasSize(7);
            assertThat(state.positives()).hasSize(6);
            Map<String, Long> calls = commandCalls(admin);
            assertThat(calls.get("evalsha")).isEqualTo(1);
            assertThat(calls.getOrDefault("eval", 0L)).isZero();
            // Inside the script: one SMEMBERS (no LRANGE: the seen set exists), one ZREVRANGE, one HGET per positive.
            assertThat(calls.get("smembers")).isEqualTo(1);
            assertThat(calls.getOrDefault("lrange", 0L)).isZero();
            assertThat(calls.get("zrevrange")).isEqualTo(1);
            assertThat(calls.get("hget")).isEqualTo(6);

            server.freeze();
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> store.userState(UserId.of("u1"), 10));
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            server.thaw();
            assertThat(failure).isInstanceOf(OnlineStoreUnavailableException.class)
                    .hasMessageContaining("did not answer within 250 ms");
            assertThat(elapsedMillis).isLessThan(timeout.toMillis() + 600);
        }
    }

    /**
     * ADR-0034's guarantee, on one Redis and (through the subclass) on the cluster: a run applied again, in full or
     * after only one of its sides had been applied, changes nothing; and the applied sets are what protects it: the
     * same run with them removed counts twice.
     */
    @Test
    void aRedeliveredRunOrARunRetriedAfterOneSideAppliedChangesNothing() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        List<FeatureUpdate> run = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Users over many slots, items repeated, events over three hours of event time (three applied sets).
            run.add(updates.click("redeliver-u" + (i % 13), "item-" + (i % 7), T0.plusSeconds(i * 300L), 1 + i % 3,
                    "books"));
            run.add(updates.update(EventType.IMPRESSION, "redeliver-u" + (i % 11), "item-" + (i % 5),
                    T0.plusSeconds(i * 300L), 0));
        }
        store.apply(run);
        String once = snapshot(store);

        store.apply(run);
        assertThat(snapshot(store)).as("the same run redelivered").isEqualTo(once);

        // Only the user side had been applied: the items' keys (and their applied sets) are as before the run.
        redis.deleteKeys(prefix + "*{items}");
        store.apply(run);
        assertThat(snapshot(store)).as("retried after the user side alone").isEqualTo(once);

        // Only the item side had been applied.
        redis.deleteKeys(prefix + "*{u:");
        redis.deleteKeys(prefix + "applied:{users}");
        redis.deleteKeys(prefix + "applied:{s:");
        store.apply(run);
        assertThat(snapshot(store)).as("retried after the item side alone").isEqualTo(once);

        // Without the applied sets the same run counts again: they are what makes the retries above harmless.
        redis.deleteKeys(prefix + "applied:");
        store.apply(run);
        assertThat(snapshot(store)).isNotEqualTo(once);
        assertThat(store.userCounts(UserId.of("redeliver-u0")).count(EventType.CLICK))
                .isEqualTo(2L * run.stream().filter(u -> u.user().value().equals("redeliver-u0")
                        && u.type() == EventType.CLICK).count());
    }

    @Test
    void anAppliedSetIsDroppedOnceKeptLongEnoughAfterItsLastRecordedWrite() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        store.apply(List.of(updates.click("u1", "a", T0, 1)));
        List<String> registries = redis.commands().keys(prefix + "applied:*:sets");
        List<String> oldSets = new ArrayList<>();
        for (String registry : registries) {
            for (String set : redis.commands().zrange(registry, 0, -1)) {
                oldSets.add(set);
                // As if its last write had been recorded at the epoch: long past the TTL.
                redis.commands().zadd(registry, 0, set);
            }
        }
        assertThat(registries).hasSize(2);
        assertThat(oldSets).hasSize(2).allSatisfy(set -> assertThat(redis.commands().exists(set)).isOne());

        // A later hour of event time opens new sets, which is when the registry is checked.
        store.apply(List.of(updates.click("u1", "b", T0.plus(Duration.ofHours(5)), 1)));

        assertThat(oldSets).allSatisfy(set -> assertThat(redis.commands().exists(set)).isZero());
        for (String registry : registries) {
            assertThat(redis.commands().zrange(registry, 0, -1)).hasSize(1).doesNotContainAnyElementsOf(oldSets);
        }
    }

    /** What a reader sees of every user, item and popularity list the redelivery test writes. */
    private static String snapshot(RedisOnlineFeaturesAdapter store) {
        StringBuilder text = new StringBuilder();
        for (int u = 0; u < 13; u++) {
            UserId user = UserId.of("redeliver-u" + u);
            UserState state = store.userState(user, 10);
            text.append(new TreeSet<>(state.seen())).append(state.positives())
                    .append(new TreeMap<>(store.userCounts(user).byType())).append('\n');
        }
        List<ItemId> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            items.add(ItemId.of("item-" + i));
        }
        new TreeMap<>(store.itemCounts(items)).forEach((item, counts) ->
                text.append(item).append(new TreeMap<>(counts.byType())).append('\n'));
        text.append(store.popularItems(Optional.empty(), 10, T0.plus(HOUR)))
                .append(store.popularItems(Optional.of("books"), 10, T0.plus(HOUR)));
        return text.toString();
    }

    @Test
    void aUserWithARecentListAndNoSeenSetIsServedFromTheList() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        // Only the untagged layout before ADR-0030 could leave this; the read still falls back to the list. The
        // apply no longer seeds the set from the list (ADR-0034): under the tagged keys every list was written
        // with its set.
        redis.commands().rpush(prefix + "recent:{u:u1}", "b", "a");

        assertThat(store.userState(UserId.of("u1"), 10).seen()).extracting(ItemId::value)
                .containsExactlyInAnyOrder("a", "b");
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
}
