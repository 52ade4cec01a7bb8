package io.tandem.adapters.in.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenLoopScheduleTest {

    @Test
    void sendsRateTimesSecondsRequests() {
        assertThat(new OpenLoopSchedule(1_000, 30).requests()).isEqualTo(30_000);
        assertThat(new OpenLoopSchedule(250, 20).requests()).isEqualTo(5_000);
    }

    @Test
    void requestsAreDueAtFixedIntervalsFromTheStart() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 1);

        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(1_000_000L);
        assertThat(schedule.dueNanos(999)).isEqualTo(999_000_000L);
    }

    @Test
    void anIntervalThatIsNoWholeNanosecondDoesNotDrift() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(3, 100);

        assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333L);
        assertThat(schedule.dueNanos(2)).isEqualTo(666_666_666L);
        // Computed from the start, not by adding a rounded interval: request 3k is due at exactly k seconds.
        assertThat(schedule.dueNanos(3 * 100)).isEqualTo(100_000_000_000L);
    }

    @Test
    void dueTimesNeverGoBackwards() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(7_919, 3);
        for (int i = 1; i < schedule.requests(); i++) {
            assertThat(schedule.dueNanos(i)).isGreaterThan(schedule.dueNanos(i - 1));
        }
        assertThat(schedule.dueNanos(schedule.requests() - 1)).isLessThan(3_000_000_000L);
    }

    @Test
    void refusesANonPositiveRateOrLength() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
