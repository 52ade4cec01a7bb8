package io.tandem.domain.feature;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PopularityDecayTest {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private final PopularityDecay decay = new PopularityDecay(Duration.ofDays(7), EPOCH);

    @Test
    void anEventOneHalfLifeOldCountsHalf() {
        Instant now = EPOCH.plus(Duration.ofDays(14));
        double stored = decay.increment(1.0, now.minus(Duration.ofDays(7)));

        assertThat(decay.decayedAt(stored, now)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void storedValuesOrderItemsAsTheirDecayedPopularityDoesAtAnyMoment() {
        // Item a: three old events; item b: one fresh event. Fresh wins once a has decayed enough.
        double a = 3 * decay.increment(1.0, EPOCH);
        double b = decay.increment(1.0, EPOCH.plus(Duration.ofDays(21)));
        Instant later = EPOCH.plus(Duration.ofDays(30));

        assertThat(b).isGreaterThan(a);
        assertThat(decay.decayedAt(b, later)).isGreaterThan(decay.decayedAt(a, later));
    }

    @Test
    void rebasingKeepsDecayedValues() {
        Instant at = EPOCH.plus(Duration.ofDays(100));
        double stored = decay.increment(2.0, EPOCH.plus(Duration.ofDays(90)));
        PopularityDecay rebased = decay.rebasedTo(at);

        assertThat(rebased.decayedAt(stored * decay.rebaseFactor(at), at))
                .isCloseTo(decay.decayedAt(stored, at), within(1e-9));
    }

    @Test
    void onlyTimesFarAfterTheEpochNeedARebase() {
        assertThat(decay.needsRebase(EPOCH.plus(Duration.ofDays(7 * 901)))).isTrue();
        assertThat(decay.needsRebase(EPOCH.minus(Duration.ofDays(7 * 5000)))).isFalse();
        assertThat(decay.needsRebase(EPOCH.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void theHalfLifeMustBePositive() {
        assertThatThrownBy(() -> new PopularityDecay(Duration.ZERO, EPOCH))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("half-life");
    }
}
