package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/**
 * Per-unit sums behind a ratio metric such as click-through rate, {@code Σy / Σx} over the randomisation units
 * (users): x is each unit's denominator (its impressions), y its numerator (its clicks). Keeping the unit
 * as the sampling unit is what makes the variance honest: one user's impressions are not independent.
 *
 * @param units the number of units, those with x = 0 included
 */
public record RatioSums(long units, double sumX, double sumY, double sumXX, double sumYY, double sumXY) {

    public static final RatioSums EMPTY = new RatioSums(0, 0, 0, 0, 0, 0);

    public RatioSums {
        if (units < 0) {
            throw new InvalidFieldException("units", "must not be negative");
        }
        for (double sum : new double[] {sumX, sumY, sumXX, sumYY, sumXY}) {
            if (!Double.isFinite(sum)) {
                throw new InvalidFieldException("sums", "must be finite numbers");
            }
        }
    }

    /** {@code Σy / Σx}, or 0 while no unit has a denominator. */
    public double ratio() {
        return sumX == 0 ? 0 : sumY / sumX;
    }

    /**
     * The ratio with its delta-method variance:
     * {@code var(R) ≈ (s_yy - 2 R s_xy + R² s_xx) / (n x̄²)}, the s being the sample (co)variances of the
     * per-unit x and y (Deng, Knoblich and Lu 2018, "Applying the Delta Method in Metric Analytics").
     * The variance is 0 while fewer than two units have been seen.
     */
    public Estimate estimate() {
        double ratio = ratio();
        if (units < 2 || sumX == 0) {
            return new Estimate(ratio, 0);
        }
        double n = units;
        double meanX = sumX / n;
        double meanY = sumY / n;
        double varX = (sumXX - n * meanX * meanX) / (n - 1);
        double varY = (sumYY - n * meanY * meanY) / (n - 1);
        double covXY = (sumXY - n * meanX * meanY) / (n - 1);
        double variance = (varY - 2 * ratio * covXY + ratio * ratio * varX) / (n * meanX * meanX);
        return new Estimate(ratio, Math.max(0, variance));
    }
}
