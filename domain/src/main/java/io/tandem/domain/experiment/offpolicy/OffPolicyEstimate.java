package io.tandem.domain.experiment.offpolicy;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.Interval;

import java.util.Objects;

/**
 * An estimate of a target policy's mean reward per logged decision (its CTR for click rewards).
 *
 * @param estimator           which estimator made it ({@code ips}, {@code snips}, {@code dr})
 * @param interval            the normal confidence interval at the confidence asked for
 * @param effectiveSampleSize {@code (Σw)² / Σw²} of the importance weights: how many on-policy records the log
 *                            is worth; far below {@code records} means the estimate rests on a few heavy weights
 */
public record OffPolicyEstimate(String estimator, double value, double standardError, Interval interval,
                                long records, double effectiveSampleSize) {

    public OffPolicyEstimate {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(interval, "interval");
        if (!Double.isFinite(value) || !(standardError >= 0)) {
            throw new InvalidFieldException("estimate", "needs a finite value and a standard error of 0 or more");
        }
    }

    /** The mean of independent per-record terms, with the normal interval of a sample mean. */
    static OffPolicyEstimate meanOf(String estimator, double[] terms, double effectiveSampleSize,
                                    double confidence) {
        double sum = 0;
        for (double term : terms) {
            sum += term;
        }
        double mean = sum / terms.length;
        double squares = 0;
        for (double term : terms) {
            squares += (term - mean) * (term - mean);
        }
        Estimate estimate = new Estimate(mean, squares / (terms.length - 1) / terms.length);
        return new OffPolicyEstimate(estimator, mean, estimate.standardError(), estimate.interval(confidence),
                terms.length, effectiveSampleSize);
    }
}
