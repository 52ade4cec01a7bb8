package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class OnlineFeaturesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");

    private final OnlineFeatures features = new OnlineFeatures(Duration.ofDays(7), 3);

    @Test
    void aSnapshotHoldsWhatServingWouldReadAboutTheUserAndTheItem() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 0, "comedy"));
        features.apply(update("e2", BOB, "a", EventType.PURCHASE, 4.0, 7, "comedy"));
        features.apply(update("e3", ANN, "b", EventType.IMPRESSION, 0.0, 7));

        PointInTimeFeatures snapshot = features.snapshot(ANN, ItemId.of("a"), List.of("comedy", "drama"),
                T0.plus(Duration.ofDays(7)), 10);

        assertThat(snapshot.recentItems()).containsExactly(ItemId.of("a"));
        assertThat(snapshot.seenBefore()).isTrue();
        // 1 a half-life ago is worth 0.5 now; 4 now is worth 4.
        assertThat(snapshot.itemPopularity()).isCloseTo(4.5, within(1e-9));
        assertThat(snapshot.categoryPopularity()).containsOnlyKeys("comedy", "drama");
        assertThat(snapshot.categoryPopularity().get("comedy")).isCloseTo(4.5, within(1e-9));
        assertThat(snapshot.categoryPopularity().get("drama")).isZero();
        assertThat(snapshot.userCounts().count(EventType.CLICK)).isEqualTo(1);
        assertThat(snapshot.userCounts().count(EventType.IMPRESSION)).isEqualTo(1);
        assertThat(snapshot.itemCounts().total()).isEqualTo(2);
    }

    @Test
    void aSnapshotOfStrangersIsEmpty() {
        PointInTimeFeatures snapshot = features.snapshot(ANN, ItemId.of("new"), List.of("comedy"), T0, 5);

        assertThat(snapshot.recentItems()).isEmpty();
        assertThat(snapshot.seenBefore()).isFalse();
        assertThat(snapshot.itemPopularity()).isZero();
        assertThat(snapshot.userCounts()).isEqualTo(EventCounts.NONE);
        assertThat(snapshot.itemCounts()).isEqualTo(EventCounts.NONE);
    }

    @Test
    void anEventIdIsAppliedOnceAndRemembered() {
        FeatureUpdate click = update("e1", ANN, "a", EventType.CLICK, 1.0, 0);

        assertThat(features.apply(click)).isTrue();
        assertThat(features.apply(click)).isFalse();

        assertThat(features.hasApplied(new EventId("e1"))).isTrue();
        assertThat(features.hasApplied(new EventId("e2"))).isFalse();
        assertThat(features.itemCounts(ItemId.of("a")).total()).isEqualTo(1);
        assertThat(features.popularity(ItemId.of("a"), Optional.empty(), T0)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void seenBeforeLooksAtEveryRememberedItemNotOnlyTheOnesReturned() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 0));
        features.apply(update("e2", ANN, "b", EventType.CLICK, 1.0, 1));

        PointInTimeFeatures snapshot = features.snapshot(ANN, ItemId.of("a"), List.of(), T0, 1);

        assertThat(snapshot.recentItems()).containsExactly(ItemId.of("b"));
        assertThat(snapshot.seenBefore()).isTrue();
    }

    @Test
    void popularityAndOrderSurviveARebase() {
        OnlineFeatures fast = new OnlineFeatures(Duration.ofMinutes(1), 3);
        fast.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 0));
        Instant late = T0.plus(Duration.ofMinutes(1_000));
        fast.apply(new FeatureUpdate(new EventId("e2"), EventType.CLICK, ANN, ItemId.of("b"), late, 2.0, true,
                Set.of()));

        List<ItemPopularity> top = fast.popularItems(Optional.empty(), 5, late);

        assertThat(top).extracting(ItemPopularity::item).containsExactly(ItemId.of("b"), ItemId.of("a"));
        assertThat(top.get(0).popularity()).isCloseTo(2.0, within(1e-9));
        assertThat(top.get(1).popularity()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void seenIsEveryItemTheUserActedOnBeyondTheRecentCapAndWhateverTheLimit() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 0));
        features.apply(update("e2", ANN, "b", EventType.HIDE, 0.0, 1));
        features.apply(update("e3", ANN, "c", EventType.IMPRESSION, 0.0, 2));
        features.apply(update("e4", ANN, "d", EventType.SKIP, 0.0, 3));
        features.apply(update("e5", ANN, "e", EventType.CLICK, 1.0, 4));
        features.apply(update("e6", ANN, "f", EventType.LIKE, 1.0, 5));
        features.apply(update("e7", ANN, "a", EventType.CLICK, 1.0, 6));

        // The recent list keeps its cap of 3 for the features; the seen filter forgets nothing (impressions aside).
        assertThat(features.recentItems(ANN, 10)).extracting(ItemId::value).containsExactly("a", "f", "e");
        for (int limit = 0; limit <= 4; limit++) {
            assertThat(features.userState(ANN, limit).seen()).extracting(ItemId::value)
                    .containsExactlyInAnyOrder("a", "b", "d", "e", "f");
        }
        assertThat(features.userState(BOB, 10).seen()).isEmpty();
    }

    @Test
    void aReplayKeepsNoSeenHistoryButTheSameSnapshots() {
        OnlineFeatures replay = OnlineFeatures.forReplay(new FeaturePolicy(
                io.tandem.domain.interaction.LabelWeights.defaults(), Duration.ofDays(7), 3));
        for (OnlineFeatures target : List.of(features, replay)) {
            target.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 0));
            target.apply(update("e2", ANN, "b", EventType.CLICK, 1.0, 1));
        }

        assertThat(replay.snapshot(ANN, ItemId.of("a"), List.of(), T0.plus(Duration.ofDays(2)), 10))
                .isEqualTo(features.snapshot(ANN, ItemId.of("a"), List.of(), T0.plus(Duration.ofDays(2)), 10));
        assertThatThrownBy(() -> replay.userState(ANN, 10)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPositiveSumsItsLabelsInFloatAndKeepsTheLatestTime() {
        features.apply(update("e1", ANN, "a", EventType.PURCHASE, 0x1p24, 5));
        features.apply(update("e2", ANN, "a", EventType.CLICK, 1.0, 9));
        // Arrives late: its label counts, its time does not replace the later one.
        features.apply(update("e3", ANN, "a", EventType.VIEW, 1.0, 2));

        PositiveInteraction a = features.userState(ANN, 10).positives().get(0);

        // 2^24 + 1 rounds back to 2^24 in float: summed in double the value would be 2^24 + 2, but the float
        // sum is what the training matrix holds.
        assertThat(a.value()).isEqualTo(0x1p24f);
        assertThat(a.time()).isEqualTo(T0.plus(Duration.ofDays(9)));
    }

    @Test
    void positivesAreNewestFirstByTheirLatestTime() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 1));
        features.apply(update("e2", ANN, "b", EventType.CLICK, 1.0, 2));
        features.apply(update("e3", ANN, "c", EventType.CLICK, 1.0, 3));
        features.apply(update("e4", ANN, "a", EventType.LIKE, 2.0, 4));

        assertThat(features.userState(ANN, 10).positives()).extracting(p -> p.item().value())
                .containsExactly("a", "c", "b");
        assertThat(features.userState(ANN, 2).positives()).extracting(p -> p.item().value())
                .containsExactly("a", "c");
        assertThat(features.userState(ANN, 10).positives().get(0).value()).isEqualTo(3f);
    }

    @Test
    void equalTimesPutTheGreaterItemFirst() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 1));
        features.apply(update("e2", ANN, "c", EventType.CLICK, 1.0, 1));
        features.apply(update("e3", ANN, "b", EventType.CLICK, 1.0, 1));

        assertThat(features.userState(ANN, 10).positives()).extracting(p -> p.item().value())
                .containsExactly("c", "b", "a");
    }

    @Test
    void pastTheCapTheItemWithTheOldestLatestTimeGoes() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 1));
        features.apply(update("e2", ANN, "b", EventType.CLICK, 1.0, 2));
        features.apply(update("e3", ANN, "c", EventType.CLICK, 1.0, 3));
        // "a" was first, but a new event makes it the newest: "b" is now the oldest.
        features.apply(update("e4", ANN, "a", EventType.CLICK, 1.0, 4));
        features.apply(update("e5", ANN, "d", EventType.CLICK, 1.0, 5));
        // Older than every kept item: it is dropped at once.
        features.apply(update("e6", ANN, "e", EventType.CLICK, 1.0, 0));

        List<PositiveInteraction> positives = features.userState(ANN, 10).positives();
        assertThat(positives).extracting(p -> p.item().value()).containsExactly("d", "a", "c");
        assertThat(positives.get(1).value()).isEqualTo(2f);
        // An evicted item starts again from its next event.
        features.apply(update("e7", ANN, "b", EventType.CLICK, 1.0, 6));
        assertThat(features.userState(ANN, 10).positives()).extracting(p -> p.item().value(), p -> p.value())
                .containsExactly(tuple("b", 1f), tuple("d", 1f), tuple("a", 2f));
    }

    @Test
    void eventsWithoutAPositiveLabelAreNotPositives() {
        features.apply(update("e1", ANN, "a", EventType.IMPRESSION, 0.0, 1));
        features.apply(update("e2", ANN, "b", EventType.HIDE, 0.0, 2));
        features.apply(update("e3", ANN, "c", EventType.CLICK, 1.0, 3));
        features.apply(update("e4", ANN, "c", EventType.SKIP, 0.0, 4));

        UserState state = features.userState(ANN, 10);

        assertThat(state.positives()).extracting(p -> p.item().value(), PositiveInteraction::value,
                PositiveInteraction::time).containsExactly(tuple("c", 1f, T0.plus(Duration.ofDays(3))));
        assertThat(state.seen()).extracting(ItemId::value).containsExactlyInAnyOrder("c", "b");
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        FeatureUpdate purchase = update("e1", ANN, "a", EventType.PURCHASE, 4.0, 1);
        features.apply(purchase);
        features.apply(update("e2", ANN, "a", EventType.CLICK, 1.0, 0));
        features.apply(purchase);

        assertThat(features.userState(ANN, 10).positives())
                .containsExactly(new PositiveInteraction(ItemId.of("a"), 5f, T0.plus(Duration.ofDays(1))));
    }

    @Test
    void positivesAreKeptPerUser() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 1));
        features.apply(update("e2", BOB, "a", EventType.PURCHASE, 4.0, 2));

        assertThat(features.userState(ANN, 10).positives()).extracting(PositiveInteraction::value).containsExactly(1f);
        assertThat(features.userState(BOB, 10).positives()).extracting(PositiveInteraction::value).containsExactly(4f);
    }

    @Test
    void aStrangerHasTheEmptyStateAndALimitOfZeroReadsNoPositives() {
        features.apply(update("e1", ANN, "a", EventType.CLICK, 1.0, 1));

        assertThat(features.userState(BOB, 10)).isEqualTo(UserState.empty());
        assertThat(features.userState(ANN, 0)).isEqualTo(new UserState(Set.of(ItemId.of("a")), List.of()));
        assertThatThrownBy(() -> features.userState(ANN, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSumOutsideFloatsRangeIsNotReported() {
        features.apply(update("e1", ANN, "tiny", EventType.CLICK, 1e-50, 1));
        features.apply(update("e2", ANN, "huge", EventType.CLICK, 1e39, 2));
        features.apply(update("e3", ANN, "fine", EventType.CLICK, 1.0, 0));

        assertThat(features.userState(ANN, 10).positives()).extracting(p -> p.item().value())
                .containsExactly("fine");
    }

    @Test
    void refusesANonPositiveHalfLifeOrCap() {
        assertThatThrownBy(() -> new OnlineFeatures(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OnlineFeatures(Duration.ofDays(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FeatureUpdate update(String id, UserId user, String item, EventType type, double weight, int day,
                                        String... categories) {
        return new FeatureUpdate(new EventId(id), type, user, ItemId.of(item), T0.plus(Duration.ofDays(day)), weight,
                type.isInteraction(), Set.of(categories));
    }
}
