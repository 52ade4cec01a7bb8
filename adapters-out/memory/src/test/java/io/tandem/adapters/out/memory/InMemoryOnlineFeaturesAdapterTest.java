package io.tandem.adapters.out.memory;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.retrieval.ScoredItem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InMemoryOnlineFeaturesAdapterTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final InMemoryOnlineFeaturesAdapter store = new InMemoryOnlineFeaturesAdapter(Duration.ofDays(7), 3);

    @Test
    void recentItemsAreNewestFirstEachOnceAndCapped() {
        store.apply(List.of(update("e1", "a", 1, 0), update("e2", "b", 1, 1), update("e3", "a", 1, 2),
                update("e4", "c", 1, 3), update("e5", "d", 1, 4)));

        assertThat(store.recentItems(new UserId("u1"), 10)).extracting(ItemId::value).containsExactly("d", "c", "a");
        assertThat(store.recentItems(new UserId("u1"), 2)).hasSize(2);
        assertThat(store.recentItems(new UserId("nobody"), 10)).isEmpty();
    }

    @Test
    void popularityDecaysWithTheHalfLife() {
        store.apply(List.of(update("e1", "old", 4, 0), update("e2", "new", 1, 14)));

        List<ScoredItem> top = store.popularItems(Optional.empty(), 10, T0.plus(Duration.ofDays(14)));

        // 4 two half-lives ago is worth 1 now: a tie, broken by item id.
        assertThat(top).extracting(s -> s.item().value()).containsExactly("new", "old");
        assertThat(top.get(1).score()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void categoryPopularityCountsOnlyThatCategory() {
        store.apply(List.of(categorized("e1", "a", "comedy"), categorized("e2", "b", "drama"),
                categorized("e3", "b", "drama")));

        assertThat(store.popularItems(Optional.of("comedy"), 10, T0)).extracting(s -> s.item().value())
                .containsExactly("a");
        assertThat(store.popularItems(Optional.empty(), 10, T0)).extracting(s -> s.item().value())
                .containsExactly("b", "a");
        assertThat(store.popularItems(Optional.of("horror"), 10, T0)).isEmpty();
    }

    @Test
    void applyingAnEventTwiceChangesNothing() {
        List<FeatureUpdate> batch = List.of(update("e1", "a", 1, 0), update("e2", "a", 1, 0));
        store.apply(batch);
        store.apply(batch);

        assertThat(store.itemCounts(List.of(new ItemId("a"))).get(new ItemId("a")).count(EventType.CLICK))
                .isEqualTo(2);
        assertThat(store.userCounts(new UserId("u1")).total()).isEqualTo(2);
        assertThat(store.popularItems(Optional.empty(), 1, T0).get(0).score()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void userStateReadsSeenItemsAndPositivesTogether() {
        store.apply(List.of(update("e1", "a", 1, 0), update("e2", "b", 4, 1), update("e3", "a", 2, 2),
                hide("e4", "c", 3), update("e5", "d", 1, 4), update("e6", "e", 1, 5)));
        store.apply(List.of(update("e1", "a", 1, 0)));

        UserState state = store.userState(new UserId("u1"), 10);

        // Every item acted on, beyond the cap of 3 the recent list keeps.
        assertThat(state.seen()).extracting(ItemId::value).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(store.recentItems(new UserId("u1"), 10)).extracting(ItemId::value).containsExactly("e", "d", "c");
        // Cap 3: "b" has the oldest latest time and goes; "a" sums 1 + 2 and keeps its later time.
        assertThat(state.positives()).containsExactly(
                new PositiveInteraction(new ItemId("e"), 1f, T0.plus(Duration.ofDays(5))),
                new PositiveInteraction(new ItemId("d"), 1f, T0.plus(Duration.ofDays(4))),
                new PositiveInteraction(new ItemId("a"), 3f, T0.plus(Duration.ofDays(2))));
        assertThat(store.userState(new UserId("u1"), 1).positives()).hasSize(1);
        assertThat(store.userState(new UserId("nobody"), 10)).isEqualTo(UserState.empty());
    }

    private static FeatureUpdate hide(String id, String item, int day) {
        return new FeatureUpdate(new EventId(id), EventType.HIDE, new UserId("u1"), new ItemId(item),
                T0.plus(Duration.ofDays(day)), 0, true, Set.of());
    }

    private static FeatureUpdate update(String id, String item, double weight, int day) {
        return new FeatureUpdate(new EventId(id), EventType.CLICK, new UserId("u1"), new ItemId(item),
                T0.plus(Duration.ofDays(day)), weight, true, Set.of());
    }

    private static FeatureUpdate categorized(String id, String item, String category) {
        return new FeatureUpdate(new EventId(id), EventType.CLICK, new UserId("u1"), new ItemId(item), T0, 1.0,
                true, Set.of(category));
    }
}
