package io.tandem.domain.experiment.attribution;

import java.time.Duration;

/**
 * Answer latencies in logarithmic buckets 2 % wide from 1 µs to 100 s, so that a day of requests takes a few
 * kilobytes and a percentile is off by at most one bucket (it reports the bucket's upper edge, never less).
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.02;
    private static final double LOG_GROWTH = Math.log(GROWTH);
    private static final int BUCKETS = (int) Math.ceil(Math.log(100e6) / LOG_GROWTH) + 1;

    private final long[] counts = new long[BUCKETS];
    private long total;

    void add(Duration latency) {
        counts[bucketOf(latency)]++;
        total++;
    }

    /** The bucket {@code latency} falls in. */
    static int bucketOf(Duration latency) {
        double micros = Math.max(1, latency.toNanos() / 1_000.0);
        int bucket = (int) Math.ceil(Math.log(micros) / LOG_GROWTH - 1e-9);
        return Math.min(BUCKETS - 1, Math.max(0, bucket));
    }

    /** The upper edge of {@code bucket} in milliseconds, which a percentile falling in it reports. */
    static double upperEdgeMillis(int bucket) {
        return Math.pow(GROWTH, bucket) / 1_000.0;
    }

    long count() {
        return total;
    }

    /** The latency in milliseconds below which {@code quantile} of the answers fell; 0 when none was added. */
    double percentileMillis(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long cumulative = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            cumulative += counts[bucket];
            if (cumulative >= rank) {
                return upperEdgeMillis(bucket);
            }
        }
        return upperEdgeMillis(BUCKETS - 1);
    }
}
