package io.tandem.adapters.in.kafka;

import java.time.Duration;

/** Exponential, capped delays between retries of a failing batch; reset by the first success. */
final class RetryBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;
    private int failures;

    RetryBackoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        if (initialMillis < 1 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("need 1 ms <= initial <= max, was " + initial + " and " + max);
        }
        this.nextMillis = initialMillis;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    Duration failed() {
        failures++;
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return Duration.ofMillis(delay);
    }

    /** Failures since the last success. */
    int failures() {
        return failures;
    }

    void succeeded() {
        failures = 0;
        nextMillis = initialMillis;
    }
}
