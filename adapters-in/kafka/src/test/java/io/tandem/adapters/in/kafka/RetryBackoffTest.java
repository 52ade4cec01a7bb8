package io.tandem.adapters.in.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void delaysDoubleUpToTheCapAndStartOverAfterASuccess() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backoff.failed().toMillis());
        }

        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);
        assertThat(backoff.failures()).isEqualTo(8);

        backoff.succeeded();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(100));
    }
}
