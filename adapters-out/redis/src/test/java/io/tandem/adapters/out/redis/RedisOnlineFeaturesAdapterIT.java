package io.tandem.adapters.out.redis;

import static io.tandem.adapters.out.redis.FeatureUpdateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.EventCounts;
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
import java.util.concurrent.Callable;
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

/** The Redis online store against the shared Redis, each test under its own key prefix. */
class RedisOnlineFeaturesAdapterIT {

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

    private RedisOnlineFeaturesAdapter adapter(Duration halfLife, int cap) {
        RedisOnlineFeaturesAdapter adapter = new RedisOnlineFeaturesAdapter(redis.settings(prefix), halfLife, cap);
        adapters.add(adapter);
        return adapter;
    }

    @Test
    void recentItemsAreNewestFirstEachOnceAndCapped() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 3);
        store.apply(List.of(
                updates.click("u1", "a", T0, 1),
                updates.click("u1", "b", T0.plusSeconds(1), 1),
                updates.click("u1", "c", T0.plusSeconds(2), 1),
                updates.click("u1", "a", T0.plusSeconds(3), 1),
                updates.update(EventType.IMPRESSION, "u1", "z", T0.plusSeconds(4), 0),
                updates.click("u1", "d", T0.plusSeconds(5), 1),
                updates.click("u2", "x", T0.plusSeconds(6), 1)));

        assertThat(store.recentItems(UserId.of("u1"), 10)).extracting(ItemId::value).containsExactly("d", "a", "c");
        assertThat(store.recentItems(UserId.of("u1"), 2)).extracting(ItemId::value).containsExactly("d", "a");
        assertThat(store.recentItems(UserId.of("u2"), 10)).extracting(ItemId::value).containsExactly("x");
        assertThat(store.recentItems(UserId.of("never-seen"), 10)).isEmpty();
        assertThat(store.recentItems(UserId.of("u1"), 0)).isEmpty();
        assertThatThrownBy(() -> store.recentItems(UserId.of("u1"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void popularityIsOrderedByDecayedValueThenItemAndDecaysWithTheHalfLife() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        store.apply(List.of(
                updates.click("u1", "a", T0, 1),
                updates.click("u2", "c", T0.plus(HOUR), 1),
                updates.click("u3", "b", T0, 2)));

        // b: 2 at T0, c: 1 an hour later, a: 1 at T0; one hour after T0 that is 1.0, 1.0 and 0.5.
        assertThat(store.popularItems(Optional.empty(), 10, T0.plus(HOUR))).containsExactly(
                new ScoredItem(ItemId.of("b"), 1.0),
                new ScoredItem(ItemId.of("c"), 1.0),
                new ScoredItem(ItemId.of("a"), 0.5));
        // The tie of b and c crosses the cut: the lower item id wins, as in the in-memory store.
        assertThat(store.popularItems(Optional.empty(), 1, T0.plus(HOUR)))
                .containsExactly(new ScoredItem(ItemId.of("b"), 1.0));
        assertThat(store.popularItems(Optional.empty(), 2, T0.plus(HOUR).plus(HOUR))).containsExactly(
                new ScoredItem(ItemId.of("b"), 0.5),
                new ScoredItem(ItemId.of("c"), 0.5));
        assertThat(store.popularItems(Optional.empty(), 0, T0)).isEmpty();
    }

    @Test
    void popularityIsKeptPerCategory() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        store.apply(List.of(
                updates.click("u1", "a", T0, 3, "books"),
                updates.click("u1", "b", T0, 2, "books", "films"),
                updates.click("u1", "c", T0, 1, "films"),
                updates.update(EventType.IMPRESSION, "u1", "d", T0, 0, "films")));

        assertThat(store.popularItems(Optional.of("books"), 10, T0)).extracting(ScoredItem::item)
                .containsExactly(ItemId.of("a"), ItemId.of("b"));
        assertThat(store.popularItems(Optional.of("films"), 10, T0)).containsExactly(
                new ScoredItem(ItemId.of("b"), 2.0),
                new ScoredItem(ItemId.of("c"), 1.0));
        assertThat(store.popularItems(Optional.of("toys"), 10, T0)).isEmpty();
        assertThat(store.popularItems(Optional.empty(), 10, T0)).extracting(ScoredItem::item)
                .containsExactly(ItemId.of("a"), ItemId.of("b"), ItemId.of("c"));
    }

    @Test
    void nothingIsPopularBeforeAnyWeightedEvent() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        assertThat(store.popularItems(Optional.empty(), 10, T0)).isEmpty();
        store.apply(List.of(updates.update(EventType.IMPRESSION, "u1", "a", T0, 0)));
        assertThat(store.popularItems(Optional.empty(), 10, T0)).isEmpty();
    }

    @Test
    void countsEventsPerTypeForUsersAndItemsInOneBatch() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        store.apply(List.of(
                updates.update(EventType.IMPRESSION, "u1", "a", T0, 0),
                updates.update(EventType.IMPRESSION, "u1", "b", T0, 0),
                updates.update(EventType.CLICK, "u1", "a", T0, 1),
                updates.update(EventType.PURCHASE, "u2", "a", T0, 4)));

        assertThat(store.userCounts(UserId.of("u1"))).isEqualTo(
                new EventCounts(Map.of(EventType.IMPRESSION, 2L, EventType.CLICK, 1L)));
        assertThat(store.userCounts(UserId.of("nobody"))).isEqualTo(EventCounts.NONE);
        Map<ItemId, EventCounts> items = store.itemCounts(List.of(ItemId.of("a"), ItemId.of("b"), ItemId.of("zz")));
        assertThat(items).containsOnly(
                Map.entry(ItemId.of("a"), new EventCounts(
                        Map.of(EventType.IMPRESSION, 1L, EventType.CLICK, 1L, EventType.PURCHASE, 1L))),
                Map.entry(ItemId.of("b"), new EventCounts(Map.of(EventType.IMPRESSION, 1L))),
                Map.entry(ItemId.of("zz"), EventCounts.NONE));
        assertThat(store.itemCounts(List.of())).isEmpty();
    }

    @Test
    void applyingTheSameBatchAgainChangesNothing() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        List<FeatureUpdate> batch = List.of(
                updates.click("u1", "a", T0, 1, "books"),
                updates.click("u1", "b", T0.plusSeconds(5), 2, "books"),
                updates.update(EventType.IMPRESSION, "u1", "c", T0.plusSeconds(6), 0));
        store.apply(batch);
        Snapshot first = Snapshot.of(store);

        store.apply(batch);
        assertThat(Snapshot.of(store)).isEqualTo(first);
        // A second process (its own connection and caches) redelivering the batch changes nothing either.
        adapter(HOUR, 10).apply(batch);
        assertThat(Snapshot.of(store)).isEqualTo(first);
        // A redelivered event inside a new batch is skipped while the new one counts.
        FeatureUpdate fresh = updates.click("u1", "a", T0.plusSeconds(7), 1, "books");
        store.apply(List.of(batch.get(0), fresh));
        assertThat(store.userCounts(UserId.of("u1")).count(EventType.CLICK)).isEqualTo(3);
        assertThat(store.recentItems(UserId.of("u1"), 10)).extracting(ItemId::value).containsExactly("a", "b");
    }

    @Test
    void twoProcessesApplyingOverlappingBatchesCountEachEventOnce() throws Exception {
        RedisOnlineFeaturesAdapter one = adapter(HOUR, 50);
        RedisOnlineFeaturesAdapter two = adapter(HOUR, 50);
        InMemoryOnlineFeaturesAdapter reference = new InMemoryOnlineFeaturesAdapter(HOUR, 50);
        List<FeatureUpdate> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(updates.click("u" + i % 7, "item-" + i % 31, T0.plusSeconds(i), 1 + i % 3, "cat-" + i % 4));
        }
        reference.apply(all);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(applyInBatches(one, all.subList(0, 1500), start));
            Future<?> b = threads.submit(applyInBatches(two, all.subList(400, 2000), start));
            start.countDown();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        long clicks = 0;
        for (int u = 0; u < 7; u++) {
            UserId user = UserId.of("u" + u);
            assertThat(one.userCounts(user)).isEqualTo(reference.userCounts(user));
            clicks += one.userCounts(user).count(EventType.CLICK);
        }
        assertThat(clicks).isEqualTo(2000);
        List<ItemId> items = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            items.add(ItemId.of("item-" + i));
        }
        assertThat(two.itemCounts(items)).isEqualTo(reference.itemCounts(items));
        // The two threads add the same increments in another order, so sums may differ in the last bits.
        List<ScoredItem> expected = reference.popularItems(Optional.of("cat-1"), 40, T0.plusSeconds(2000));
        List<ScoredItem> actual = one.popularItems(Optional.of("cat-1"), 40, T0.plusSeconds(2000));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-9));
        }
    }

    private static Callable<Void> applyInBatches(RedisOnlineFeaturesAdapter store, List<FeatureUpdate> updates,
                                                 CountDownLatch start) {
        return () -> {
            start.await();
            for (int from = 0; from < updates.size(); from += 100) {
                store.apply(updates.subList(from, Math.min(updates.size(), from + 100)));
            }
            return null;
        };
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
    void userStateSumsPositiveLabelsInFloatAndKeepsTheLatestTime() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        store.apply(List.of(
                updates.update(EventType.PURCHASE, "u1", "a", T0.plusSeconds(5), 0x1p24),
                updates.click("u1", "a", T0.plusSeconds(9), 1),
                // Arrives late: its label counts, its time does not replace the later one.
                updates.update(EventType.VIEW, "u1", "a", T0.plusSeconds(2), 1),
                updates.click("u1", "b", T0.plusSeconds(3), 0.1),
                updates.click("u1", "b", T0.plusSeconds(4), 0.2),
                updates.click("u1", "b", T0.plusSeconds(1), 0.7)));

        List<PositiveInteraction> positives = store.userState(UserId.of("u1"), 10).positives();

        // 2^24 + 1 rounds back to 2^24 in float, as in the training matrix; a double sum would give 2^24 + 2.
        float b = 0f;
        b += (float) 0.1;
        b += (float) 0.2;
        b += (float) 0.7;
        assertThat(positives).containsExactly(
                new PositiveInteraction(ItemId.of("a"), 0x1p24f, T0.plusSeconds(9)),
                new PositiveInteraction(ItemId.of("b"), b, T0.plusSeconds(4)));
    }

    @Test
    void userStateIsNewestFirstAndDropsTheOldestPastTheCap() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 3);
        Instant second = T0.plusSeconds(10);
        store.apply(List.of(
                updates.click("u1", "a", T0.plusSeconds(1), 1),
                updates.click("u1", "b", T0.plusSeconds(2), 1),
                updates.click("u1", "c", T0.plusSeconds(3), 1),
                // "a" was first, but a new event makes it the newest: "b" is now the oldest and goes next.
                updates.click("u1", "a", T0.plusSeconds(4), 1),
                updates.click("u1", "d", T0.plusSeconds(5), 1),
                // Older than every kept item: dropped at once.
                updates.click("u1", "e", T0, 1)));

        assertThat(store.userState(UserId.of("u1"), 10).positives())
                .extracting(p -> p.item().value(), PositiveInteraction::value)
                .containsExactly(tuple("d", 1f), tuple("a", 2f), tuple("c", 1f));
        assertThat(redis.commands().hlen(prefix + "positives:cells:{u:u1}")).isEqualTo(3);
        assertThat(redis.commands().zcard(prefix + "positives:recency:{u:u1}")).isEqualTo(3);

        // Within one second: later nanos first; equal times: the greater item first, as in memory.
        store.apply(List.of(
                updates.click("u2", "x", second.plusNanos(5), 1),
                updates.click("u2", "y", second, 1),
                updates.click("u2", "z", second, 1),
                updates.click("u2", "w", second.plusNanos(999_999_999), 1)));
        UserState u2 = store.userState(UserId.of("u2"), 10);
        assertThat(u2.positives()).extracting(p -> p.item().value()).containsExactly("w", "x", "z");
        assertThat(u2.positives().get(0).time()).isEqualTo(second.plusNanos(999_999_999));
        assertThat(store.userState(UserId.of("u2"), 2).positives()).extracting(p -> p.item().value())
                .containsExactly("w", "x");
    }

    @Test
    void userStateHasEverySeenItemButOnlyPositiveLabelsAsPositives() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        List<FeatureUpdate> batch = List.of(
                updates.update(EventType.IMPRESSION, "u1", "a", T0.plusSeconds(1), 0),
                updates.update(EventType.HIDE, "u1", "b", T0.plusSeconds(2), 0),
                updates.click("u1", "c", T0.plusSeconds(3), 1),
                updates.update(EventType.SKIP, "u1", "c", T0.plusSeconds(4), 0),
                updates.update(EventType.PURCHASE, "u1", "d", T0.plusSeconds(5), 4));
        store.apply(batch);
        store.apply(batch);
        adapter(HOUR, 10).apply(batch);

        UserState state = store.userState(UserId.of("u1"), 10);

        assertThat(state.seen()).extracting(ItemId::value).containsExactlyInAnyOrder("d", "c", "b");
        assertThat(store.recentItems(UserId.of("u1"), 10)).extracting(ItemId::value).containsExactly("d", "c", "b");
        // Applied three times, counted once.
        assertThat(state.positives()).containsExactly(
                new PositiveInteraction(ItemId.of("d"), 4f, T0.plusSeconds(5)),
                new PositiveInteraction(ItemId.of("c"), 1f, T0.plusSeconds(3)));
        assertThat(store.userState(UserId.of("u1"), 1)).isEqualTo(new UserState(state.seen(),
                List.of(new PositiveInteraction(ItemId.of("d"), 4f, T0.plusSeconds(5)))));
        assertThat(store.userState(UserId.of("never-seen"), 10)).isEqualTo(UserState.empty());
        assertThat(store.userState(UserId.of("u1"), 0)).isEqualTo(new UserState(state.seen(), List.of()));
        assertThatThrownBy(() -> store.userState(UserId.of("u1"), -1)).isInstanceOf(IllegalArgumentException.class);
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

    @Test
    void aUserWrittenBeforeTheSeenSetExistedKeepsWhatTheRecentListRemembers() {
        RedisOnlineFeaturesAdapter store = adapter(HOUR, 10);
        // The state an older version left: a recent list, no seen set.
        redis.commands().rpush(prefix + "recent:{u:u1}", "b", "a");

        assertThat(store.userState(UserId.of("u1"), 10).seen()).extracting(ItemId::value)
                .containsExactlyInAnyOrder("a", "b");

        store.apply(List.of(updates.click("u1", "c", T0, 1)));

        assertThat(redis.commands().smembers(prefix + "seen:{u:u1}")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(store.userState(UserId.of("u1"), 10).seen()).extracting(ItemId::value)
                .containsExactlyInAnyOrder("a", "b", "c");
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

    /** Everything one user-facing read can see, for before/after comparisons. */
    private record Snapshot(List<ItemId> recent, UserState state, List<ScoredItem> popular,
                            List<ScoredItem> books, EventCounts user, Map<ItemId, EventCounts> items) {

        static Snapshot of(RedisOnlineFeaturesAdapter store) {
            Instant now = T0.plusSeconds(60);
            return new Snapshot(store.recentItems(UserId.of("u1"), 10), store.userState(UserId.of("u1"), 10),
                    store.popularItems(Optional.empty(), 10, now),
                    store.popularItems(Optional.of("books"), 10, now),
                    store.userCounts(UserId.of("u1")),
                    store.itemCounts(List.of(ItemId.of("a"), ItemId.of("b"), ItemId.of("c"))));
        }
    }
}
