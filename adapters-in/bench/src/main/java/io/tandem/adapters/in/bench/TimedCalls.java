package io.tandem.adapters.in.bench;

import java.util.Arrays;

/**
 * The times of one piece called again and again. A call that throws (a dependency timing out under its serving
 * timeout, an HTTP error) is counted with the first failure's message and left out of the times, and the run goes
 * on: one slow answer must not end a benchmark of many thousand requests.
 */
final class TimedCalls {

    private final long[] nanos;
    private int timed;
    private int failed;
    private String firstFailure = "";

    TimedCalls(int capacity) {
        this.nanos = new long[capacity];
    }

    /** Calls {@code call} once and records how long it took, or that it failed. */
    void time(Runnable call) {
        long started = System.nanoTime();
        try {
            call.run();
        } catch (RuntimeException e) {
            if (failed++ == 0) {
                firstFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            return;
        }
        nanos[timed++] = System.nanoTime() - started;
    }

    /** The calls that returned: mean, p50 and p99. */
    StageBreakdown.Timing timing() {
        return StageBreakdown.Timing.of(Arrays.copyOf(nanos, timed));
    }

    StageBreakdown.Failures failures() {
        return new StageBreakdown.Failures(failed, firstFailure);
    }
}
