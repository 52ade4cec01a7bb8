package io.tandem.bootstrap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DependencyGuardTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCallBeyondItsTimeoutFailsAtTheTimeoutNamingTheDependency() {
        DependencyGuard guard = new DependencyGuard("online store", Duration.ofMillis(20), Duration.ofSeconds(2),
                executor);

        long start = System.nanoTime();
        assertThatThrownBy(() -> guard.call(() -> sleep(2_000)))
                .isInstanceOf(DependencyGuard.DependencyUnavailableException.class)
                .hasMessage("online store: no answer within 20 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_000));
    }

    @Test
    void aDependencyThatKeepsFailingOpensTheCircuitAndIsNotCalledWhileItIsOpen() {
        DependencyGuard guard = new DependencyGuard("catalog", Duration.ofMillis(50), Duration.ofSeconds(30), null);
        AtomicInteger calls = new AtomicInteger();

        for (int i = 0; i < DependencyGuard.MINIMUM_CALLS; i++) {
            assertThatThrownBy(() -> guard.call(() -> {
                calls.incrementAndGet();
                throw new IllegalStateException("down at /var/lib/tandem");
            })).as("the dependency's own text, which may hold paths or class names, stays in the log")
                    .hasMessage("catalog: failed");
        }

        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> guard.call(calls::incrementAndGet))
                .hasMessage("catalog: circuit open after repeated failures");
        assertThat(calls).hasValue(DependencyGuard.MINIMUM_CALLS);
    }

    @Test
    void occasionalFailuresAmongManyCallsLeaveTheCircuitClosed() {
        DependencyGuard guard = new DependencyGuard("online store", Duration.ofMillis(50), Duration.ofSeconds(30),
                null);
        int failures = 0;
        for (int i = 0; i < 1_000; i++) {
            // A burst of 25 failures in a row (a stall) among a thousand calls: 2.5 % of the window.
            boolean fail = i >= 500 && i < 525;
            try {
                guard.call(() -> {
                    if (fail) {
                        throw new IllegalStateException("stalled");
                    }
                    return 1;
                });
            } catch (DependencyGuard.DependencyUnavailableException e) {
                failures++;
            }
        }

        assertThat(failures).isEqualTo(25);
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static int sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
