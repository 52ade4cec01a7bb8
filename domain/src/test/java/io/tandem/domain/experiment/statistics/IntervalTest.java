package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntervalTest {

    @Test
    void intersectionKeepsWhatBothHoldAndADisjointOneKeepsTheNewer() {
        Interval older = new Interval(-1, 2);

        assertThat(older.intersect(new Interval(0.5, 3))).isEqualTo(new Interval(0.5, 2));
        assertThat(older.intersect(new Interval(5, 6))).isEqualTo(new Interval(5, 6));
        assertThat(Interval.EVERYTHING.intersect(older)).isEqualTo(older);
    }

    @Test
    void sidesOfAValue() {
        assertThat(new Interval(0.1, 0.2).isAbove(0)).isTrue();
        assertThat(new Interval(-0.2, -0.1).isBelow(0)).isTrue();
        assertThat(new Interval(0, 0.2).isAbove(0)).isFalse();
        assertThat(new Interval(0, 0.2).contains(0)).isTrue();
    }

    @Test
    void reversedOrNaNEndsAreRefused() {
        assertThatThrownBy(() -> new Interval(2, 1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new Interval(Double.NaN, 1)).isInstanceOf(InvalidFieldException.class);
    }
}
