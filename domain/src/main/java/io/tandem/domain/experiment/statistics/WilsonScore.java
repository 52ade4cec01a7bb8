package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/**
 * The Wilson score interval of a proportion (Wilson 1927): unlike the normal interval it stays inside [0, 1]
 * and keeps its coverage near 0 and 1, where click-through and fallback shares live.
 */
public final class WilsonScore {

    private WilsonScore() {
    }

    /** The interval of {@code successes / trials} at {@code confidence}; [0, 1] when there was no trial. */
    public static Interval interval(long successes, long trials, double confidence) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new InvalidFieldException("successes", "need 0 <= successes <= trials, got " + successes
                    + " of " + trials);
        }
        double z = Normal.twoSidedCritical(confidence);
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        // At 0 and at n successes the exact bound is 0 (or 1); rounding would leave a crumb beside it.
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }
}
