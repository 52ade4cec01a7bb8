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
