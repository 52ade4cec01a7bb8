package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/**
 * A point estimate with the variance of its (asymptotically normal) sampling distribution: a metric of one
 * variant, or the difference between two.
 */
public record Estimate(double value, double variance) {

    public Estimate {
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException("estimate", "must be a finite number, got " + value);
        }
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new InvalidFieldException("variance", "must be a finite number, 0 or more, got " + variance);
        }
    }

    public double standardError() {
        return Math.sqrt(variance);
    }

    /** The normal (Wald) interval at {@code confidence}; fixed-horizon, so valid only at a planned look. */
    public Interval interval(double confidence) {
        double half = Normal.twoSidedCritical(confidence) * standardError();
        return new Interval(value - half, value + half);
    }

    /** This estimate minus {@code other}, the two taken from independent samples (two variants). */
    public Estimate minus(Estimate other) {
        return new Estimate(value - other.value, variance + other.variance);
    }

    /**
     * The relative change {@code this / baseline - 1} of independent estimates, with its variance by the delta
     * method: {@code var(b/a) ≈ var(b)/a² + b² var(a)/a⁴}.
     */
    public Estimate relativeTo(Estimate baseline) {
        double a = baseline.value;
        if (a == 0) {
            throw new InvalidFieldException("baseline", "a relative change needs a baseline other than 0");
        }
        double b = value;
        return new Estimate(b / a - 1, variance / (a * a) + b * b * baseline.variance / (a * a * a * a));
    }
}
