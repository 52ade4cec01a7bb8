package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.LabelWeights;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturePolicyTest {

    private final FeaturePolicy policy = FeaturePolicy.defaults();

    @Test
    void anImpressionNeitherMarksTheItemSeenNorRaisesItsPopularity() {
        FeatureUpdate update = policy.updateFor(event(EventType.IMPRESSION, OptionalDouble.empty()), Set.of());

        assertThat(update.interaction()).isFalse();
        assertThat(update.popularityWeight()).isZero();
    }

    @Test
    void aPurchaseSaysMoreThanAClick() {
        double click = policy.updateFor(event(EventType.CLICK, OptionalDouble.empty()), Set.of()).popularityWeight();
        double purchase = policy.updateFor(event(EventType.PURCHASE, OptionalDouble.of(9.99)), Set.of())
                .popularityWeight();

        assertThat(purchase).isGreaterThan(click).isPositive();
    }

    @Test
    void aHideMarksTheItemSeenButNeverLowersPopularityBelowZero() {
        FeatureUpdate update = policy.updateFor(event(EventType.HIDE, OptionalDouble.empty()), Set.of("news"));

        assertThat(update.interaction()).isTrue();
        assertThat(update.popularityWeight()).isZero();
        assertThat(update.categories()).containsExactly("news");
    }

    @Test
    void everyRatingIsAnInteractionWeighedByItsValue() {
        double five = policy.updateFor(event(EventType.RATING, OptionalDouble.of(5)), Set.of()).popularityWeight();
        double three = policy.updateFor(event(EventType.RATING, OptionalDouble.of(3)), Set.of()).popularityWeight();
        double one = policy.updateFor(event(EventType.RATING, OptionalDouble.of(1)), Set.of()).popularityWeight();
        double zero = policy.updateFor(event(EventType.RATING, OptionalDouble.of(0)), Set.of()).popularityWeight();

        // As `tandem evaluate` reads MovieLens: whoever rated an item engaged with it, a 5 five times a 1.
        assertThat(five).isEqualTo(5.0);
        assertThat(three).isEqualTo(3.0);
        assertThat(one).isEqualTo(1.0);
        assertThat(zero).isZero();
    }

    @Test
    void configuredWeightsOverrideTheDefaults() {
        FeaturePolicy clicksMatter = new FeaturePolicy(LabelWeights.defaults().with(Map.of(EventType.CLICK, 7.0)),
                Duration.ofDays(1), 10);

        assertThat(clicksMatter.updateFor(event(EventType.CLICK, OptionalDouble.empty()), Set.of()).popularityWeight())
                .isEqualTo(7.0);
    }

    private static Event event(EventType type, OptionalDouble value) {
        return new Event(new EventId("e1"), type, new UserId("u1"), new ItemId("i1"),
                Instant.parse("2026-11-21T09:00:00Z"), value, EventContext.NONE);
    }
}
