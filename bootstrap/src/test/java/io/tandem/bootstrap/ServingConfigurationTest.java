package io.tandem.bootstrap;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tandem.serving.max-queue-wait} (ADR-0039): half the budget when unset, never past it, 0s lifts it. */
class ServingConfigurationTest {

    @Test
    void theQueueWaitLimitIsHalfTheBudgetUnlessSet() {
        assertThat(serving(Duration.ofMillis(50), null).settings().maxQueueWaitNanos())
                .isEqualTo(Duration.ofMillis(25).toNanos());
        assertThat(serving(Duration.ofSeconds(3), null).settings().maxQueueWaitNanos())
                .as("a budget raised for a slow machine raises the wait with it")
                .isEqualTo(Duration.ofMillis(1500).toNanos());
        assertThat(serving(Duration.ofMillis(50), Duration.ofMillis(10)).settings().maxQueueWaitNanos())
                .isEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(serving(Duration.ofMillis(50), Duration.ZERO).settings().maxQueueWaitNanos())
                .as("0s lifts the limit").isZero();
    }

    @Test
    void aNegativeQueueWaitOrOneLongerThanTheBudgetIsRefused() {
        assertThatThrownBy(() -> serving(Duration.ofMillis(50), Duration.ofMillis(-1)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("tandem.serving.max-queue-wait");
        assertThatThrownBy(() -> serving(Duration.ofMillis(50), Duration.ofMillis(51)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("is 51 ms, longer than the request budget tandem.serving.budget (50 ms)");
    }

    private static ServingConfiguration serving(Duration budget, Duration maxQueueWait) {
        Duration timeout = Duration.ofMillis(15);
        return new ServingConfiguration(500, 20, 0, budget, timeout, timeout, timeout, Duration.ofSeconds(2), true,
                Duration.ofSeconds(30), 0, maxQueueWait);
    }
}
