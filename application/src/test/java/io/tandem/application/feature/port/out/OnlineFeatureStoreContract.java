package io.tandem.application.feature.port.out;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.EventCounts;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.retrieval.ScoredItem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * What every online feature store promises (ADR-0012, ADR-0017), run by each adapter's test: each event is applied
 * once however often it is delivered, by however many clients; recent items are newest first, each once, capped;
 * popularity decays with the half-life and ties break by item id; counts are per event type; the user state holds
 * every item a user acted on beyond any cap, and its positives are float sums, newest first, capped; a user or item
 * never seen reads as empty.
 */
public abstract class OnlineFeatureStoreContract {

    protected static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** The feature-store ports, as one adapter implements them. */
    public interface Store extends ApplyFeatureUpdatesPort, LoadUserStatePort, LoadRecentItemsPort,
            LoadPopularItemsPort, LoadEventCountsPort {

        /** The store that {@code adapter} is. */
        static <A extends ApplyFeatureUpdatesPort & LoadUserStatePort & LoadRecentItemsPort & LoadPopularItemsPort
                & LoadEventCountsPort> Store of(A adapter) {
            return new Store() {
                @Override
                public void apply(List<FeatureUpdate> updates) {
                    adapter.apply(updates);
                }

                @Override
                public UserState userState(UserId user, int limit) {
                    return adapter.userState(user, limit);
                }

                @Override
                public List<ItemId> recentItems(UserId user, int limit) {
                    return adapter.recentItems(user, limit);
                }

                @Override
                public List<ScoredItem> popularItems(Optional<String> category, int limit, Instant at) {
                    return adapter.popularItems(category, limit, at);
                }

                @Override
                public EventCounts userCounts(UserId user) {
                    return adapter.userCounts(user);
                }

                @Override
                public Map<ItemId, EventCounts> itemCounts(Collection<ItemId> items) {
                    return adapter.itemCounts(items);
                }
            };
        }
    }

    /** An empty store for one test whose popularity halves every {@code halfLife} and whose recent lists hold {@code cap}. */
    protected abstract Store emptyStore(Duration halfLife, int cap);

    /**
     * A second client of {@code store}, with its own connection and caches, as another process would open it; the
     * same object where the store lives in one process only.
     */
    protected Store secondClient(Store store, Duration halfLife, int cap) {
        return store;
    }

    private int sequence;

    /** An update with a fresh event id, as the feature policy hands it to a store. */
    protected FeatureUpdate update(EventType type, String user, String item, Instant time, double weight,
                                   String... categories) {
        return new FeatureUpdate(new EventId("e-" + ++sequence), type, UserId.of(user), ItemId.of(item), time, weight,
                type.isInteraction(), Set.of(categories));
    }

    /** A click, which adds {@code weight} to the item's popularity. */
    protected FeatureUpdate click(String user, String item, Instant time, double weight, String... categories) {
        return update(EventType.CLICK, user, item, time, weight, categories);
    }

    @Test
    void recentItemsAreNewestFirstEachOnceAndCapped() {
        Store store = emptyStore(HOUR, 3);
        store.apply(List.of(
                click("u1", "a", T0, 1),
                click("u1", "b", T0.plusSeconds(1), 1),
                click("u1", "c", T0.plusSeconds(2), 1),
                click("u1", "a", T0.plusSeconds(3), 1),
                update(EventType.IMPRESSION, "u1", "z", T0.plusSeconds(4), 0),
                click("u1", "d", T0.plusSeconds(5), 1),
                click("u2", "x", T0.plusSeconds(6), 1)));

        assertThat(store.recentItems(UserId.of("u1"), 10)).extracting(ItemId::value).containsExactly("d", "a", "c");
        assertThat(store.recentItems(UserId.of("u1"), 2)).extracting(ItemId::value).containsExactly("d", "a");
        assertThat(store.recentItems(UserId.of("u2"), 10)).extracting(ItemId::value).containsExactly("x");
        assertThat(store.recentItems(UserId.of("never-seen"), 10)).isEmpty();
        assertThat(store.recentItems(UserId.of("u1"), 0)).isEmpty();
        assertThatThrownBy(() -> store.recentItems(UserId.of("u1"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void popularityIsOrderedByDecayedValueThenItemAndDecaysWithTheHalfLife() {
        Store store = emptyStore(HOUR, 10);
        store.apply(List.of(
                click("u1", "a", T0, 1),
                click("u2", "c", T0.plus(HOUR), 1),
                click("u3", "b", T0, 2)));

        // b: 2 at T0, c: 1 an hour later, a: 1 at T0; one hour after T0 that is 1.0, 1.0 and 0.5.
        assertThat(store.popularItems(Optional.empty(), 10, T0.plus(HOUR))).containsExactly(
                new ScoredItem(ItemId.of("b"), 1.0),
                new ScoredItem(ItemId.of("c"), 1.0),
                new ScoredItem(ItemId.of("a"), 0.5));
        // The tie of b and c crosses the cut: the lower item id wins.
        assertThat(store.popularItems(Optional.empty(), 1, T0.plus(HOUR)))
                .containsExactly(new ScoredItem(ItemId.of("b"), 1.0));
        assertThat(store.popularItems(Optional.empty(), 2, T0.plus(HOUR).plus(HOUR))).containsExactly(
                new ScoredItem(ItemId.of("b"), 0.5),
                new ScoredItem(ItemId.of("c"), 0.5));
        assertThat(store.popularItems(Optional.empty(), 0, T0)).isEmpty();
    }

    @Test
    void popularityIsKeptPerCategory() {
        Store store = emptyStore(HOUR, 10);
        store.apply(List.of(
                click("u1", "a", T0, 3, "books"),
                click("u1", "b", T0, 2, "books", "films"),
                click("u1", "c", T0, 1, "films"),
                update(EventType.IMPRESSION, "u1", "d", T0, 0, "films")));

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
        Store store = emptyStore(HOUR, 10);
        assertThat(store.popularItems(Optional.empty(), 10, T0)).isEmpty();

        store.apply(List.of(update(EventType.IMPRESSION, "u1", "a", T0, 0)));

        assertThat(store.popularItems(Optional.empty(), 10, T0)).isEmpty();
    }

    @Test
    void countsEventsPerTypeForUsersAndItemsInOneBatch() {
        Store store = emptyStore(HOUR, 10);
        store.apply(List.of(
                update(EventType.IMPRESSION, "u1", "a", T0, 0),
                update(EventType.IMPRESSION, "u1", "b", T0, 0),
                update(EventType.CLICK, "u1", "a", T0, 1),
                update(EventType.PURCHASE, "u2", "a", T0, 4)));

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
        Store store = emptyStore(HOUR, 10);
        List<FeatureUpdate> batch = List.of(
                click("u1", "a", T0, 1, "books"),
                click("u1", "b", T0.plusSeconds(5), 2, "books"),
                update(EventType.IMPRESSION, "u1", "c", T0.plusSeconds(6), 0));
        store.apply(batch);
        Snapshot first = Snapshot.of(store);

        store.apply(batch);
        assertThat(Snapshot.of(store)).isEqualTo(first);
        // A second client redelivering the batch changes nothing either.
        secondClient(store, HOUR, 10).apply(batch);
        assertThat(Snapshot.of(store)).isEqualTo(first);
        // A redelivered event inside a new batch is skipped while the new one counts.
        FeatureUpdate fresh = click("u1", "a", T0.plusSeconds(7), 1, "books");
        store.apply(List.of(batch.get(0), fresh));
        assertThat(store.userCounts(UserId.of("u1")).count(EventType.CLICK)).isEqualTo(3);
        assertThat(store.recentItems(UserId.of("u1"), 10)).extracting(ItemId::value).containsExactly("a", "b");
    }

    @Test
    void anEventTwiceInOneBatchCountsOnce() {
        Store store = emptyStore(HOUR, 10);
        FeatureUpdate once = click("u1", "a", T0, 1, "books");
        FeatureUpdate other = click("u2", "b", T0.plusSeconds(1), 1, "books");
        store.apply(List.of(once, other, once));

        assertThat(store.userCounts(UserId.of("u1")).count(EventType.CLICK)).isEqualTo(1);
        assertThat(store.itemCounts(List.of(ItemId.of("a"))).get(ItemId.of("a")).count(EventType.CLICK)).isEqualTo(1);
        assertThat(store.userState(UserId.of("u1"), 10).positives()).singleElement()
                .satisfies(positive -> assertThat(positive.value()).isEqualTo(1f));
        Store reference = emptyStore(HOUR, 10);
        reference.apply(List.of(once, other));
        assertThat(Snapshot.of(store)).isEqualTo(Snapshot.of(reference));
    }

    @Test
    void twoClientsApplyingOverlappingBatchesCountEachEventOnce() throws Exception {
        Store one = emptyStore(HOUR, 50);
        Store two = secondClient(one, HOUR, 50);
        List<FeatureUpdate> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(click("u" + i % 7, "item-" + i % 31, T0.plusSeconds(i), 1 + i % 3, "cat-" + i % 4));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> applyInBatches(one, all.subList(0, 1500), start));
            Future<?> b = threads.submit(() -> applyInBatches(two, all.subList(400, 2000), start));
            start.countDown();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        long userClicks = 0;
        for (int u = 0; u < 7; u++) {
            userClicks += one.userCounts(UserId.of("u" + u)).count(EventType.CLICK);
        }
        List<ItemId> items = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            items.add(ItemId.of("item-" + i));
        }
        long itemClicks = two.itemCounts(items).values().stream().mapToLong(c -> c.count(EventType.CLICK)).sum();
        assertThat(userClicks).isEqualTo(2000);
        assertThat(itemClicks).isEqualTo(2000);
        // Item 0 was clicked at i = 0, 31, 62, ... with weights 1 + i % 3, all within one half-life of T0 + 2000 s.
        double weight = 0;
        for (int i = 0; i < 2000; i += 31) {
            weight += (1 + i % 3) * Math.pow(2, -(2000.0 - i) / HOUR.toSeconds());
        }
        double expected = weight;
        assertThat(one.popularItems(Optional.empty(), 31, T0.plusSeconds(2000)))
                .filteredOn(scored -> scored.item().equals(ItemId.of("item-0")))
                .singleElement().satisfies(scored -> assertThat(scored.score()).isCloseTo(expected, within(1e-9)));
    }

    private static Void applyInBatches(Store store, List<FeatureUpdate> updates, CountDownLatch start)
            throws InterruptedException {
        start.await();
        for (int from = 0; from < updates.size(); from += 100) {
            store.apply(updates.subList(from, Math.min(updates.size(), from + 100)));
        }
        return null;
    }

    @Test
    void userStateHasEverySeenItemButOnlyPositiveLabelsAsPositives() {
        Store store = emptyStore(HOUR, 10);
        List<FeatureUpdate> batch = List.of(
                update(EventType.IMPRESSION, "u1", "a", T0.plusSeconds(1), 0),
                update(EventType.HIDE, "u1", "b", T0.plusSeconds(2), 0),
                click("u1", "c", T0.plusSeconds(3), 1),
                update(EventType.SKIP, "u1", "c", T0.plusSeconds(4), 0),
                update(EventType.PURCHASE, "u1", "d", T0.plusSeconds(5), 4));
        store.apply(batch);
        store.apply(batch);
        secondClient(store, HOUR, 10).apply(batch);

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
    void userStateSumsPositiveLabelsInFloatAndKeepsTheLatestTime() {
        Store store = emptyStore(HOUR, 10);
        store.apply(List.of(
                update(EventType.PURCHASE, "u1", "a", T0.plusSeconds(5), 0x1p24),
                click("u1", "a", T0.plusSeconds(9), 1),
                // Arrives late: its label counts, its time does not replace the later one.
                update(EventType.VIEW, "u1", "a", T0.plusSeconds(2), 1),
                click("u1", "b", T0.plusSeconds(3), 0.1),
                click("u1", "b", T0.plusSeconds(4), 0.2),
                click("u1", "b", T0.plusSeconds(1), 0.7)));

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
        Store store = emptyStore(HOUR, 3);
        Instant second = T0.plusSeconds(10);
        store.apply(List.of(
                click("u1", "a", T0.plusSeconds(1), 1),
                click("u1", "b", T0.plusSeconds(2), 1),
                click("u1", "c", T0.plusSeconds(3), 1),
                // "a" was first, but a new event makes it the newest: "b" is now the oldest and goes next.
                click("u1", "a", T0.plusSeconds(4), 1),
                click("u1", "d", T0.plusSeconds(5), 1),
                // Older than every kept item: dropped at once.
                click("u1", "e", T0, 1)));

        assertThat(store.userState(UserId.of("u1"), 10).positives())
                .extracting(p -> p.item().value(), PositiveInteraction::value)
                .containsExactly(tuple("d", 1f), tuple("a", 2f), tuple("c", 1f));

        // Within one second: later nanos first; equal times: the greater item first.
        store.apply(List.of(
                click("u2", "x", second.plusNanos(5), 1),
                click("u2", "y", second, 1),
                click("u2", "z", second, 1),
                click("u2", "w", second.plusNanos(999_999_999), 1)));
        UserState u2 = store.userState(UserId.of("u2"), 10);
        assertThat(u2.positives()).extracting(p -> p.item().value()).containsExactly("w", "x", "z");
        assertThat(u2.positives().get(0).time()).isEqualTo(second.plusNanos(999_999_999));
        assertThat(store.userState(UserId.of("u2"), 2).positives()).extracting(p -> p.item().value())
                .containsExactly("w", "x");
    }

    @Test
    void theSeenItemsAreTheWholeHistoryFarBeyondTheCap() {
        int cap = 5;
        Store store = emptyStore(HOUR, cap);
        Set<ItemId> acted = new HashSet<>();
        List<FeatureUpdate> history = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String item = "item-" + i;
            acted.add(ItemId.of(item));
            history.add(i % 3 == 0 ? update(EventType.RATING, "heavy", item, T0.plusSeconds(i), 4)
                    : click("heavy", item, T0.plusSeconds(i), 1));
        }
        // In several batches, as the log delivers them.
        for (int from = 0; from < history.size(); from += 450) {
            store.apply(history.subList(from, Math.min(history.size(), from + 450)));
        }

        UserState state = store.userState(UserId.of("heavy"), 500);

        assertThat(state.seen()).hasSize(1200).isEqualTo(acted);
        assertThat(state.positives()).hasSize(cap);
        assertThat(store.recentItems(UserId.of("heavy"), 500)).extracting(ItemId::value)
                .containsExactly("item-1199", "item-1198", "item-1197", "item-1196", "item-1195");
    }

    @Test
    void everyActionButAnImpressionMarksAnItemSeenAndALimitNeverBoundsTheSeenItems() {
        Store store = emptyStore(HOUR, 5);
        List<FeatureUpdate> batch = List.of(
                update(EventType.IMPRESSION, "u1", "shown", T0, 0),
                update(EventType.HIDE, "u1", "hidden", T0.plusSeconds(1), 0),
                update(EventType.SKIP, "u1", "skipped", T0.plusSeconds(2), 0),
                update(EventType.DISLIKE, "u1", "disliked", T0.plusSeconds(3), 0),
                click("u1", "clicked", T0.plusSeconds(4), 1),
                update(EventType.IMPRESSION, "u2", "other", T0.plusSeconds(5), 0),
                click("u3", "theirs", T0.plusSeconds(6), 1));
        store.apply(batch);
        store.apply(batch);

        assertThat(store.userState(UserId.of("u1"), 10).seen()).extracting(ItemId::value)
                .containsExactlyInAnyOrder("hidden", "skipped", "disliked", "clicked");
        assertThat(store.userState(UserId.of("u1"), 1).seen()).hasSize(4);
        assertThat(store.userState(UserId.of("u1"), 0).seen()).hasSize(4);
        assertThat(store.userState(UserId.of("u1"), 0).positives()).isEmpty();
        assertThat(store.userState(UserId.of("u2"), 10).seen()).isEmpty();
        assertThat(store.userState(UserId.of("nobody"), 10).seen()).isEmpty();
    }

    @Test
    void anItemActedOnAgainIsSeenOnce() {
        Store store = emptyStore(HOUR, 5);
        for (int round = 0; round < 3; round++) {
            List<FeatureUpdate> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(click("u1", "item-" + i, T0.plusSeconds(round * 100L + i), 1));
            }
            store.apply(batch);
        }

        assertThat(store.userState(UserId.of("u1"), 10).seen()).hasSize(20);
    }

    /** Everything one user-facing read can see, for before/after comparisons. */
    private record Snapshot(List<ItemId> recent, UserState state, List<ScoredItem> popular,
                            List<ScoredItem> books, EventCounts user, Map<ItemId, EventCounts> items) {

        static Snapshot of(Store store) {
            Instant now = T0.plusSeconds(60);
            return new Snapshot(store.recentItems(UserId.of("u1"), 10), store.userState(UserId.of("u1"), 10),
                    store.popularItems(Optional.empty(), 10, now),
                    store.popularItems(Optional.of("books"), 10, now),
                    store.userCounts(UserId.of("u1")),
                    store.itemCounts(List.of(ItemId.of("a"), ItemId.of("b"), ItemId.of("c"))));
        }
    }
}
