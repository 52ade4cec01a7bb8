package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.statistics.RatioSums;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import static io.tandem.domain.experiment.attribution.AttributionFixture.SERVED;
import static io.tandem.domain.experiment.attribution.AttributionFixture.followUp;
import static io.tandem.domain.experiment.attribution.AttributionFixture.purchase;
import static io.tandem.domain.experiment.attribution.AttributionFixture.served;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OnlineMetricsAggregateTest {

    private final OnlineMetricsAggregate aggregate = new OnlineMetricsAggregate(AttributionPolicy.DEFAULT);

    @Test
    void impressionsClicksAndPurchasesCountAtTheirServedPositions() {
        aggregate.record(served("r1", "a", "u1", "i1", "i2", "i3"));

        assertThat(aggregate.apply(followUp(EventType.IMPRESSION, "r1", "u1", "i1")))
                .isEqualTo(AttributionOutcome.POSITION);
        aggregate.apply(followUp(EventType.IMPRESSION, "r1", "u1", "i2"));
        assertThat(aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "i2"))).isEqualTo(AttributionOutcome.POSITION);
        aggregate.apply(followUp(EventType.ADD_TO_CART, "r1", "u1", "i2"));
        aggregate.apply(purchase("r1", "u1", "i2", 30));
        aggregate.apply(purchase("r1", "u1", "i2", 12.5));

        OnlineMetrics a = aggregate.totals("ab-1").get("a");
        assertThat(a.counts()).isEqualTo(new EngagementCounts(1, 2, 1, 1, 1, 42.5, 0, 0, 0, 0, 1));
        assertThat(a.counts().clickThroughRate()).isEqualTo(0.5);
        assertThat(a.counts().valuePerImpression()).isEqualTo(21.25);
        // One click at position 2: NDCG = (1 / log2 3) / 1 and reciprocal rank 1/2.
        assertThat(a.quality().meanNdcg()).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
        assertThat(a.quality().meanReciprocalRank()).isEqualTo(0.5);
        assertThat(a.quality().listsWithClick()).isEqualTo(1);
        assertThat(a.users()).isEqualTo(1);
    }

    @Test
    void actionsWithoutAnImpressionCountForTheRequestOnlyUntilTheImpressionArrives() {
        aggregate.record(served("r1", "a", "u1", "i1", "i2"));

        assertThat(aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "i1"))).isEqualTo(AttributionOutcome.REQUEST);
        assertThat(aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "elsewhere")))
                .isEqualTo(AttributionOutcome.REQUEST);
        assertThat(aggregate.apply(purchase("r1", "u1", "elsewhere", 9))).isEqualTo(AttributionOutcome.REQUEST);
        EngagementCounts before = aggregate.totals("ab-1").get("a").counts();
        assertThat(before.impressions()).isZero();
        assertThat(before.clickedImpressions()).isZero();
        assertThat(before.requestOnlyClicks()).isEqualTo(2);
        assertThat(before.requestOnlyValue()).isEqualTo(9);
        assertThat(before.requestsWithClick()).isEqualTo(1);

        aggregate.apply(followUp(EventType.IMPRESSION, "r1", "u1", "i1"));

        EngagementCounts after = aggregate.totals("ab-1").get("a").counts();
        assertThat(after.impressions()).isEqualTo(1);
        assertThat(after.clickedImpressions()).isEqualTo(1);
        assertThat(after.requestOnlyClicks()).isEqualTo(1);
        assertThat(aggregate.apply(followUp(EventType.IMPRESSION, "r1", "u1", "elsewhere")))
                .isEqualTo(AttributionOutcome.UNSERVED_IMPRESSION);
    }

    @Test
    void duplicatesUnknownRequestsAndOtherEventsAreNotCounted() {
        aggregate.record(served("r1", "a", "u1", "i1"));
        Event click = followUp(EventType.CLICK, "r1", "u1", "i1");

        aggregate.apply(click);
        assertThat(aggregate.apply(click)).isEqualTo(AttributionOutcome.DUPLICATE);
        assertThat(aggregate.record(served("r1", "b", "u2", "i9"))).isFalse();
        assertThat(aggregate.apply(followUp(EventType.CLICK, "r-unknown", "u1", "i1")))
                .isEqualTo(AttributionOutcome.UNKNOWN_REQUEST);
        assertThat(aggregate.apply(followUp(EventType.VIEW, "r1", "u1", "i1")))
                .isEqualTo(AttributionOutcome.NOT_A_FOLLOW_UP);
        assertThat(aggregate.apply(followUp(EventType.CLICK, null, "u1", "i1")))
                .isEqualTo(AttributionOutcome.NOT_A_FOLLOW_UP);

        assertThat(aggregate.totals("ab-1")).containsOnlyKeys("a");
        assertThat(aggregate.totals("ab-1").get("a").counts().requestOnlyClicks()).isEqualTo(1);
        assertThat(aggregate.outcomes()).containsEntry(AttributionOutcome.DUPLICATE, 1L)
                .containsEntry(AttributionOutcome.NOT_A_FOLLOW_UP, 2L);
    }

    @Test
    void eventsAfterTheWindowAreLateAndExpiredRequestsKeepWhatTheyAdded() {
        OnlineMetricsAggregate hourly = new OnlineMetricsAggregate(new AttributionPolicy(10, Duration.ofHours(1)));
        hourly.record(served("r1", "a", "u1", "i1"));
        hourly.apply(followUp(EventType.IMPRESSION, "r1", "u1", "i1"));

        Event late = followUp("late", EventType.CLICK, "r1", "u1", "i1", SERVED.plusSeconds(3601),
                OptionalDouble.empty());
        assertThat(hourly.apply(late)).isEqualTo(AttributionOutcome.LATE);
        assertThat(hourly.expire(SERVED.plusSeconds(3599))).isZero();
        assertThat(hourly.expire(SERVED.plusSeconds(3601))).isEqualTo(1);
        assertThat(hourly.openRequests()).isZero();
        assertThat(hourly.apply(followUp(EventType.CLICK, "r1", "u1", "i1")))
                .isEqualTo(AttributionOutcome.UNKNOWN_REQUEST);
        assertThat(hourly.totals("ab-1").get("a").counts().impressions()).isEqualTo(1);
    }

    @Test
    void eachDayCountsTheListsServedThatDayAndTheTotalsAddThemUp() {
        aggregate.record(served("r1", "a", "u1", SERVED, Duration.ofMillis(5), false, "i1"));
        aggregate.record(served("r2", "a", "u1", SERVED.plus(Duration.ofDays(1)), Duration.ofMillis(5), false, "i2"));
        aggregate.record(served("r3", "b", "u2", SERVED, Duration.ofMillis(5), false, "i1"));
        aggregate.apply(followUp(EventType.IMPRESSION, "r1", "u1", "i1"));
        // Clicked a day later: still counted on the day its list was served.
        aggregate.apply(followUp("late-click", EventType.CLICK, "r1", "u1", "i1", SERVED.plus(Duration.ofHours(20)),
                OptionalDouble.empty()));
        aggregate.apply(followUp(EventType.IMPRESSION, "r2", "u1", "i2"));

        List<OnlineMetrics> daily = aggregate.daily();
        assertThat(daily).extracting(m -> m.variant() + "@" + m.day().orElseThrow())
                .containsExactly("a@2026-11-21", "a@2026-11-22", "b@2026-11-21");
        assertThat(daily.get(0).counts().clickedImpressions()).isEqualTo(1);
        assertThat(daily.get(1).counts().clickedImpressions()).isZero();
        OnlineMetrics total = aggregate.totals("ab-1").get("a");
        assertThat(total.day()).isEmpty();
        assertThat(total.counts().impressions()).isEqualTo(2);
        assertThat(total.users()).isEqualTo(1);
        assertThat(total.clickThroughRate().units()).isEqualTo(1);
        assertThat(daily.get(0).day()).contains(LocalDate.of(2026, 11, 21));
    }

    @Test
    void guardrailsTrackTheP99LatencyAndTheFallbackShare() {
        for (int i = 1; i <= 200; i++) {
            aggregate.record(served("r" + i, "a", "u" + i, SERVED, Duration.ofMillis(i), i % 10 == 0, "i1"));
        }

        Guardrails guardrails = aggregate.totals("ab-1").get("a").guardrails();
        // The 198th of 200 latencies is 198 ms; the histogram reports the upper edge of its 2 % bucket.
        assertThat(guardrails.p99LatencyMillis()).isBetween(198.0, 198.0 * 1.02);
        assertThat(guardrails.fallbackShare()).isEqualTo(0.1);
        assertThat(guardrails.fallbackShareInterval(0.95).contains(0.1)).isTrue();
        assertThat(aggregate.totals("ab-1").get("a").quality().coverage(4)).isEqualTo(0.25);
    }

    @Test
    void perUserSumsGiveTheDeltaMethodEstimateOfTheClickThroughRate() {
        aggregate.record(served("r1", "a", "u1", "i1", "i2"));
        aggregate.record(served("r2", "a", "u1", "i3", "i4"));
        aggregate.record(served("r3", "a", "u2", "i1", "i2"));
        for (String[] impression : new String[][] {{"r1", "u1", "i1"}, {"r1", "u1", "i2"}, {"r2", "u1", "i3"},
            {"r2", "u1", "i4"}, {"r3", "u2", "i1"}}) {
            aggregate.apply(followUp(EventType.IMPRESSION, impression[0], impression[1], impression[2]));
        }
        aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "i2"));
        aggregate.apply(followUp(EventType.CLICK, "r3", "u2", "i1"));

        // u1: 4 impressions, 1 click; u2: 1 impression, 1 click.
        OnlineMetrics a = aggregate.totals("ab-1").get("a");
        assertThat(a.clickThroughRate()).isEqualTo(new RatioSums(2, 5, 2, 17, 2, 5));
        assertThat(a.clickThroughRate().estimate().value()).isEqualTo(0.4);
    }

    @Test
    void servedListsAreValidated() {
        ItemId item = ItemId.of("i1");
        assertThatThrownBy(() -> new ServedList(" ", "ab-1", "a", UserId.of("u"), SERVED,
                List.of(ServedItem.ranked(item, 1)), Duration.ZERO, false)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new ServedList("r", "ab-1", "a", UserId.of("u"), SERVED,
                List.of(ServedItem.ranked(item, 1), ServedItem.ranked(item, 2)), Duration.ZERO, false))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("served twice");
        assertThatThrownBy(() -> new ServedList("r", "ab-1", "a", UserId.of("u"), SERVED,
                List.of(ServedItem.ranked(item, 1), ServedItem.ranked(ItemId.of("i2"), 1)), Duration.ZERO, false))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("position 1");
        assertThatThrownBy(() -> new ServedItem(item, 1, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new ServedItem(item, 0, 1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new ServedList("r", "ab-1", "a", UserId.of("u"), SERVED, List.of(),
                Duration.ofMillis(-1), false)).isInstanceOf(InvalidFieldException.class);
    }
}
