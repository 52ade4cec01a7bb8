package io.tandem.domain.experiment.statistics;

/**
 * The log-gamma function and the regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x), on
 * which the chi-squared and normal tails rest. Q is computed directly (not as 1 - P) in the upper tail, so tiny
 * p-values keep their relative precision.
 */
final class Gamma {

    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    /** Lanczos approximation, g = 7, nine terms: relative error below 1e-15 for positive arguments. */
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Gamma() {
    }

    /** ln Γ(a) for a > 0. */
    static double logGamma(double a) {
        if (a < 0.5) {
            // Reflection: Γ(a) Γ(1 - a) = π / sin(πa).
            return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
        }
        double z = a - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a), the upper regularised incomplete gamma function, for a > 0 and x >= 0. */
    static double upperRegularized(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x < a + 1) {
            return 1.0 - lowerBySeries(a, x);
        }
        return upperByContinuedFraction(a, x);
    }

    private static double prefactor(double a, double x) {
        return Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** P(a, x) by its power series, which converges fast for x < a + 1. */
    private static double lowerBySeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        double denominator = a;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            denominator += 1;
            term *= x / denominator;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * prefactor(a, x);
    }

    /** Q(a, x) by its continued fraction (modified Lentz), which converges fast for x >= a + 1. */
    private static double upperByContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return prefactor(a, x) * h;
    }
}
