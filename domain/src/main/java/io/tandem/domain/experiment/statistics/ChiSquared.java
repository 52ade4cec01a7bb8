package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/** The chi-squared distribution: the upper-tail probability that goodness-of-fit tests report as p-values. */
public final class ChiSquared {

    private ChiSquared() {
    }

    /** P(X >= x) for X chi-squared with {@code degreesOfFreedom} degrees of freedom. */
    public static double upperTail(double x, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new InvalidFieldException("degreesOfFreedom", "must be 1 or more");
        }
        if (Double.isNaN(x)) {
            throw new InvalidFieldException("chiSquare", "must be a number");
        }
        return Gamma.upperRegularized(degreesOfFreedom / 2.0, Math.max(0, x) / 2);
    }
}
