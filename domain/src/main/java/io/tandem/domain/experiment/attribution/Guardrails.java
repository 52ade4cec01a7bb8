package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.WilsonScore;

/**
 * The facts a variant must not make worse whatever it does to clicks: how slow its answers were and how often
 * the rule-based fallback had to answer.
 *
 * @param p99LatencyMillis the 99th percentile of answer latency, to within 2 % above
 */
public record Guardrails(long requests, long fallbacks, double p99LatencyMillis) {

    public Guardrails {
        if (requests < 0 || fallbacks < 0 || fallbacks > requests) {
            throw new InvalidFieldException("fallbacks", "need 0 <= fallbacks <= requests");
        }
        if (!(p99LatencyMillis >= 0)) {
            throw new InvalidFieldException("p99LatencyMillis", "must be 0 or more");
        }
    }

    /** The share of requests the fallback answered; 0 without requests. */
    public double fallbackShare() {
        return requests == 0 ? 0 : fallbacks / (double) requests;
    }

    /** The Wilson interval of the fallback share. */
    public Interval fallbackShareInterval(double confidence) {
        return WilsonScore.interval(fallbacks, requests, confidence);
    }
}
