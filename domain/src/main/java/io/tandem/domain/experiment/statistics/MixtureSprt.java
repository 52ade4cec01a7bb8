package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

/**
 * The mixture sequential probability ratio test (mSPRT) of "no difference" for an asymptotically normal
 * estimate, with a normal mixture N(0, τ²) over the alternative (Johari, Koomen, Pekelis and Walsh 2017,
 * "Peeking at A/B tests"). With the estimate θ̂ and its variance V at a look,
 * <pre>  Λ = sqrt(V / (V + τ²)) · exp( τ² θ̂² / (2 V (V + τ²)) )</pre>
 * is a non-negative martingale under the null, so by Ville's inequality the chance that it ever reaches
 * 1/α, however often one looks, is at most α. The p-value {@code min(1, 1/Λ)} and the interval of the
 * differences that Λ does not reject are valid at every look, not only at a planned one.
 *
 * @param alpha           the false-positive rate allowed over the whole experiment
 * @param mixtureVariance τ², best near the square of the effect one hopes to detect
 */
public record MixtureSprt(double alpha, double mixtureVariance) {

    public MixtureSprt {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidFieldException("alpha", "must lie strictly between 0 and 1, got " + alpha);
        }
        if (!(mixtureVariance > 0) || Double.isInfinite(mixtureVariance)) {
            throw new InvalidFieldException("mixtureVariance", "must be a finite number above 0");
        }
    }

    /** A test tuned to detect differences of about {@code expectedEffect} (τ = the effect). */
    public static MixtureSprt forEffect(double alpha, double expectedEffect) {
        if (!(expectedEffect > 0) || Double.isInfinite(expectedEffect)) {
            throw new InvalidFieldException("expectedEffect", "must be a finite number above 0");
        }
        return new MixtureSprt(alpha, expectedEffect * expectedEffect);
    }

    /** Λ against "the difference is {@code nullValue}"; 1 (no evidence) while the variance is still 0. */
    public double likelihoodRatio(Estimate difference, double nullValue) {
        double v = difference.variance();
        if (v == 0) {
            return 1;
        }
        double d = difference.value() - nullValue;
        double tau2 = mixtureVariance;
        return Math.sqrt(v / (v + tau2)) * Math.exp(tau2 * d * d / (2 * v * (v + tau2)));
    }

    /** The always-valid p-value of "no difference" at this look alone: {@code min(1, 1/Λ)}. */
    public double pValue(Estimate difference) {
        return Math.min(1, 1 / likelihoodRatio(difference, 0));
    }

    /**
     * The differences not rejected at this look, {@code {θ : Λ(θ) < 1/α}}, that is
     * {@code θ̂ ± sqrt( (2 V (V + τ²) / τ²) · (ln(1/α) + ln((V + τ²)/V) / 2) )}; everything while V is 0.
     */
    public Interval confidenceInterval(Estimate difference) {
        double v = difference.variance();
        if (v == 0) {
            return Interval.EVERYTHING;
        }
        double tau2 = mixtureVariance;
        double half = Math.sqrt(2 * v * (v + tau2) / tau2 * (Math.log(1 / alpha) + 0.5 * Math.log((v + tau2) / v)));
        return new Interval(difference.value() - half, difference.value() + half);
    }
}
