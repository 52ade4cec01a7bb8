package io.tandem.adapters.in.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatencyPercentilesTest {

    private static final long MS = 1_000_000L;

    @Test
    void nearestRankOfOneToHundredMillisecondsIsThePercentItself() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            // Shuffled order: the percentiles must not depend on it.
            nanos[i] = ((i * 37) % 100 + 1) * MS;
        }
        LatencyPercentiles percentiles = new LatencyPercentiles(nanos, nanos.length);

        assertThat(percentiles.millis(50)).isEqualTo(50.0);
        assertThat(percentiles.millis(95)).isEqualTo(95.0);
        assertThat(percentiles.millis(99)).isEqualTo(99.0);
        assertThat(percentiles.millis(100)).isEqualTo(100.0);
        assertThat(percentiles.maxMillis()).isEqualTo(100.0);
        assertThat(percentiles.meanMillis()).isCloseTo(50.5, within(1e-9));
    }

    @Test
    void aPercentileIsAlwaysAMeasuredValueRoundedUpInRank() {
        long[] nanos = {10 * MS, 20 * MS, 30 * MS};
        LatencyPercentiles percentiles = new LatencyPercentiles(nanos, 3);

        // Rank ceil(0.5 * 3) = 2, ceil(0.99 * 3) = 3, ceil(0.01 * 3) = 1: no interpolation between values.
        assertThat(percentiles.millis(50)).isEqualTo(20.0);
        assertThat(percentiles.millis(99)).isEqualTo(30.0);
        assertThat(percentiles.millis(1)).isEqualTo(10.0);
    }

    @Test
    void onlyTheFirstCountValuesAreUsed() {
        long[] nanos = {5 * MS, 1 * MS, 999 * MS, 999 * MS};

        LatencyPercentiles percentiles = new LatencyPercentiles(nanos, 2);

        assertThat(percentiles.count()).isEqualTo(2);
        assertThat(percentiles.millis(99)).isEqualTo(5.0);
    }

    @Test
    void nothingMeasuredGivesNaN() {
        LatencyPercentiles percentiles = new LatencyPercentiles(new long[0], 0);

        assertThat(percentiles.millis(99)).isNaN();
        assertThat(percentiles.meanMillis()).isNaN();
        assertThat(percentiles.maxMillis()).isNaN();
    }

    @Test
    void refusesAPercentileOutsideZeroToHundred() {
        LatencyPercentiles percentiles = new LatencyPercentiles(new long[] {MS}, 1);

        assertThatThrownBy(() -> percentiles.millis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> percentiles.millis(100.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
