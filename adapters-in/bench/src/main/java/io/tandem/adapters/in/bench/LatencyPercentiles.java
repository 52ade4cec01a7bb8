package io.tandem.adapters.in.bench;

import java.util.Arrays;

/**
 * Percentiles of measured latencies by the nearest-rank method: the p-th percentile is the smallest latency with
 * at least p% of all latencies at or below it, so it is always a latency that was measured.
 */
final class LatencyPercentiles {

    private final long[] sorted;

    /** @param nanos latencies in nanoseconds; the first {@code count} are used */
    LatencyPercentiles(long[] nanos, int count) {
        this.sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The p-th percentile in milliseconds, {@code 0 < p <= 100}; NaN when nothing was measured. */
    double millis(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    /** The mean in milliseconds; NaN when nothing was measured. */
    double meanMillis() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return sum / sorted.length / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }
}
