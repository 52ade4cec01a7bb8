package io.tandem.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theDefaultWindowRunsFrom1970ToADayAhead() {
        assertThat(TimeWindow.DEFAULT.check("time", Instant.EPOCH, NOW)).isEqualTo(Instant.EPOCH);
        assertThat(TimeWindow.DEFAULT.check("time", NOW.plus(Duration.ofHours(24)), NOW)).isNotNull();
        assertThatThrownBy(() -> TimeWindow.DEFAULT.check("time", Instant.EPOCH.minusMillis(1), NOW))
                .hasMessageContaining("1970-01-01T00:00:00Z");
        assertThatThrownBy(() -> TimeWindow.DEFAULT.check("time", NOW.plus(Duration.ofHours(24)).plusMillis(1), NOW))
                .hasMessageContaining("24 hours");
    }

    @Test
    void aConfiguredWindowStaysWhereEveryStoreCanRepresentItsTimes() {
        assertThatThrownBy(() -> new TimeWindow(Instant.parse("1582-12-31T23:59:59Z"), Duration.ZERO))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("earliest-time"));
        assertThatThrownBy(() -> new TimeWindow(Instant.EPOCH, Duration.ofDays(400)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("max-ahead"));
        assertThatThrownBy(() -> TimeWindow.requireRepresentable("createdAt", Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(InvalidFieldException.class);
    }
}
