package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/**
 * The exact two-sided sign test: how likely a split of decisive comparisons at least this lopsided would be if
 * each side were equally likely to win. Fixed-horizon: valid at one planned look.
 */
public final class SignTest {

    private SignTest() {
    }

    /** The two-sided p-value of {@code wins} out of {@code trials} decisive comparisons under a fair coin. */
    public static double twoSidedPValue(long wins, long trials) {
        if (trials < 0 || wins < 0 || wins > trials) {
            throw new InvalidFieldException("wins", "need 0 <= wins <= trials, got " + wins + " of " + trials);
        }
        if (trials == 0) {
            return 1.0;
        }
        long extreme = Math.max(wins, trials - wins);
        if (2 * extreme == trials) {
            return 1.0;
        }
        // P(X >= extreme) for X ~ Binomial(n, 1/2), summed upwards from the first term in log space.
        double logTerm = Gamma.logGamma(trials + 1.0) - Gamma.logGamma(extreme + 1.0)
                - Gamma.logGamma(trials - extreme + 1.0) - trials * Math.log(2);
        double term = Math.exp(logTerm);
        double tail = 0;
        for (long i = extreme; i <= trials && term > 0; i++) {
            tail += term;
            term *= (double) (trials - i) / (i + 1);
        }
        return Math.min(1.0, 2 * tail);
    }
}
