package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/** The standard normal distribution: its tails and quantiles, to full double precision. */
public final class Normal {

    // Acklam's rational approximation of the quantile (relative error 1.2e-9), refined below by Newton steps.
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double LOW_REGION = 0.02425;

    private Normal() {
    }

    /** Φ(z), the probability that a standard normal variable is at most {@code z}. */
    public static double cdf(double z) {
        return z >= 0 ? 1 - upperTail(z) : upperTail(-z);
    }

    /** 1 - Φ(z), computed without cancellation so that far tails keep their precision. */
    public static double upperTail(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < 0) {
            return 1 - upperTail(-z);
        }
        // 1 - Φ(z) = erfc(z / √2) / 2 = Q(1/2, z² / 2) / 2.
        return 0.5 * Gamma.upperRegularized(0.5, 0.5 * z * z);
    }

    /** The density φ(z). */
    public static double density(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** Φ⁻¹(p) for 0 < p < 1. */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new InvalidFieldException("probability", "must lie strictly between 0 and 1, got " + p);
        }
        if (p > 0.5) {
            return -quantileOfLowerHalf(1 - p);
        }
        return quantileOfLowerHalf(p);
    }

    /** The z of a two-sided interval at {@code confidence}, e.g. 1.959964 for 0.95. */
    public static double twoSidedCritical(double confidence) {
        requireConfidence(confidence);
        return -quantileOfLowerHalf((1 - confidence) / 2);
    }

    /** Fails unless {@code confidence} lies strictly between 0 and 1; returns it. */
    public static double requireConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidFieldException("confidence", "must lie strictly between 0 and 1, got " + confidence);
        }
        return confidence;
    }

    /** Φ⁻¹(p) for 0 < p <= 1/2, where the lower tail is represented without loss. */
    private static double quantileOfLowerHalf(double p) {
        double z = initialGuess(p);
        // Newton steps on the lower tail: the initial guess is good to 1e-9, two steps reach full precision.
        for (int step = 0; step < 2; step++) {
            double error = upperTail(-z) - p;
            z -= error / density(z);
        }
        return z;
    }

    private static double initialGuess(double p) {
        if (p < LOW_REGION) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
}
