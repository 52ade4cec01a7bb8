package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/** A closed interval of plausible values for an estimate, {@code low <= high}; either end may be infinite. */
public record Interval(double low, double high) {

    /** The interval that rules nothing out. */
    public static final Interval EVERYTHING = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new InvalidFieldException("interval", "needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** True when every value of the interval lies above {@code value}. */
    public boolean isAbove(double value) {
        return low > value;
    }

    /** True when every value of the interval lies below {@code value}. */
    public boolean isBelow(double value) {
        return high < value;
    }

    public double width() {
        return high - low;
    }

    /**
     * The values both intervals hold. Two valid confidence sequences always overlap; if they do not (their
     * assumptions failed), {@code other}, the newer of the two, is kept.
     */
    public Interval intersect(Interval other) {
        double newLow = Math.max(low, other.low);
        double newHigh = Math.min(high, other.high);
        if (newLow > newHigh) {
            return other;
        }
        return new Interval(newLow, newHigh);
    }

    @Override
    public String toString() {
        return "[" + low + ", " + high + "]";
    }
}
