package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3 (Wilson). */
class WilsonScoreTest {

    @Test
    void matchesNewcombesPublishedIntervals() {
        assertInterval(WilsonScore.interval(81, 263, 0.95), 0.2553, 0.3662);
        assertInterval(WilsonScore.interval(15, 148, 0.95), 0.0624, 0.1605);
        assertInterval(WilsonScore.interval(0, 20, 0.95), 0.0000, 0.1611);
        assertInterval(WilsonScore.interval(1, 29, 0.95), 0.0061, 0.1718);
    }

    @Test
    void theBoundsAtZeroAndAtAllSuccessesAreExact() {
        assertThat(WilsonScore.interval(0, 20, 0.95).low()).isZero();
        assertThat(WilsonScore.interval(20, 20, 0.95).high()).isEqualTo(1.0);
        assertThat(WilsonScore.interval(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void higherConfidenceGivesAWiderInterval() {
        assertThat(WilsonScore.interval(50, 1000, 0.99).width())
                .isGreaterThan(WilsonScore.interval(50, 1000, 0.95).width());
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> WilsonScore.interval(5, 4, 0.95)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> WilsonScore.interval(-1, 4, 0.95)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> WilsonScore.interval(1, 4, 1.0)).isInstanceOf(InvalidFieldException.class);
    }

    private static void assertInterval(Interval interval, double low, double high) {
        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
    }
}
