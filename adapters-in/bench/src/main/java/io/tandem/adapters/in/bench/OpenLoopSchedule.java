package io.tandem.adapters.in.bench;

/**
 * When each request of an open-loop run is due: {@code rate} requests a second for {@code seconds}, request
 * {@code i} at {@code i / rate} seconds after the start, whatever happened to the requests before it. Latency is
 * measured from these due times, so a stalled server is charged for the requests it kept waiting (no coordinated
 * omission).
 */
record OpenLoopSchedule(int rate, int seconds) {

    OpenLoopSchedule {
        if (rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("rate and seconds must be 1 or more");
        }
    }

    /** How many requests the run sends. */
    int requests() {
        return Math.multiplyExact(rate, seconds);
    }

    /** When request {@code i} is due, in nanoseconds after the start; exact to the nanosecond, no drift. */
    long dueNanos(int i) {
        return i * 1_000_000_000L / rate;
    }
}
