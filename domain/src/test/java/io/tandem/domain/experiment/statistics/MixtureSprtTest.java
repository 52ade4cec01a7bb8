package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixtureSprtTest {

    /** Λ = sqrt(0.01/0.02) · exp(0.01 · 0.1² / (2 · 0.01 · 0.02)) = 0.70711 · e^0.25, by hand. */
    @Test
    void likelihoodRatioMatchesTheHandComputedValue() {
        MixtureSprt test = new MixtureSprt(0.05, 0.01);
        Estimate difference = new Estimate(0.1, 0.01);

        assertThat(test.likelihoodRatio(difference, 0)).isCloseTo(Math.sqrt(0.5) * Math.exp(0.25), within(1e-15));
        assertThat(test.likelihoodRatio(difference, 0)).isCloseTo(0.9079430793557843, within(1e-15));
        assertThat(test.pValue(difference)).isEqualTo(1.0);
        assertThat(test.likelihoodRatio(new Estimate(0.1, 0), 0)).isEqualTo(1.0);
    }

    /** Half-width sqrt(2 · 0.01 · 0.02 / 0.01 · (ln 20 + ln(2) / 2)) = 0.365639, and Λ = 1/α at its ends. */
    @Test
    void confidenceIntervalEndsWhereTheLikelihoodRatioReachesOneOverAlpha() {
        MixtureSprt test = new MixtureSprt(0.05, 0.01);
        Estimate difference = new Estimate(0.1, 0.01);

        Interval interval = test.confidenceInterval(difference);

        assertThat(interval.high() - 0.1).isCloseTo(0.36563948713638483, within(1e-14));
        assertThat(test.likelihoodRatio(difference, interval.low())).isCloseTo(20, within(1e-9));
        assertThat(test.likelihoodRatio(difference, interval.high())).isCloseTo(20, within(1e-9));
        assertThat(test.confidenceInterval(new Estimate(0.1, 0))).isEqualTo(Interval.EVERYTHING);
    }

    @Test
    void thePValueOnlyFallsAndTheIntervalOnlyShrinks() {
        SequentialTest test = SequentialTest.start(MixtureSprt.forEffect(0.05, 0.1));
        SequentialTest strong = test.observe(new Estimate(0.3, 0.001));
        SequentialTest weakAfterwards = strong.observe(new Estimate(0.25, 0.004));

        assertThat(strong.pValue()).isLessThan(0.05);
        assertThat(strong.verdict()).isEqualTo(Verdict.SHIP);
        assertThat(weakAfterwards.pValue()).isEqualTo(strong.pValue());
        assertThat(weakAfterwards.interval().width()).isLessThanOrEqualTo(strong.interval().width());
        assertThat(weakAfterwards.looks()).isEqualTo(2);
        assertThat(test.observe(new Estimate(-0.3, 0.001)).verdict()).isEqualTo(Verdict.STOP);
        assertThat(test.observe(new Estimate(0.001, 0.001)).verdict()).isEqualTo(Verdict.KEEP_RUNNING);
    }

    /**
     * A/A tests watched after every batch: the mSPRT's false-positive rate stays at or below α, while the same
     * peeking with a fixed-horizon z-test rejects far more often (the harness can see an inflated rate).
     */
    @Test
    void falsePositiveRateUnderContinuousMonitoringStaysAtOrBelowAlpha() {
        double alpha = 0.05;
        MixtureSprt mixture = MixtureSprt.forEffect(alpha, 0.01);
        SplittableRandom random = new SplittableRandom(13);
        int runs = 1_000;
        int sequentialRejections = 0;
        int peekingRejections = 0;
        for (int run = 0; run < runs; run++) {
            Trial trial = watch(random, 0.1, 0.1, mixture);
            sequentialRejections += trial.sequential ? 1 : 0;
            peekingRejections += trial.peeking ? 1 : 0;
        }
        System.out.printf("A/A watched 200 times: mSPRT rejected %d of %d runs, peeking z-test %d%n",
                sequentialRejections, runs, peekingRejections);
        assertThat(sequentialRejections / (double) runs).isLessThanOrEqualTo(alpha);
        assertThat(peekingRejections / (double) runs).isGreaterThan(3 * alpha);
    }

    @Test
    void aRealDifferenceIsFoundWhileWatchingContinuously() {
        MixtureSprt mixture = MixtureSprt.forEffect(0.05, 0.01);
        SplittableRandom random = new SplittableRandom(14);
        int runs = 200;
        int found = 0;
        long observations = 0;
        for (int run = 0; run < runs; run++) {
            Trial trial = watch(random, 0.10, 0.12, mixture);
            found += trial.sequential ? 1 : 0;
            observations += trial.sequential ? trial.observationsPerArm : 0;
        }
        System.out.printf("10%% against 12%%: mSPRT rejected in %d of %d runs, after %.0f observations per arm on "
                + "average%n", found, runs, observations / (double) Math.max(1, found));
        assertThat(found / (double) runs).isGreaterThan(0.9);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new MixtureSprt(0, 1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new MixtureSprt(0.05, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> MixtureSprt.forEffect(0.05, -0.1)).isInstanceOf(InvalidFieldException.class);
    }

    /** @param observationsPerArm observations per arm when the mSPRT first rejected */
    private record Trial(boolean sequential, boolean peeking, long observationsPerArm) {
    }

    /** 200 looks, each after 100 more Bernoulli observations per arm. */
    private static Trial watch(SplittableRandom random, double rateA, double rateB, MixtureSprt mixture) {
        SequentialTest test = SequentialTest.start(mixture);
        boolean peekingRejected = false;
        long rejectedAt = 0;
        long clicksA = 0;
        long clicksB = 0;
        long n = 0;
        for (int look = 0; look < 200; look++) {
            for (int i = 0; i < 100; i++) {
                clicksA += random.nextDouble() < rateA ? 1 : 0;
                clicksB += random.nextDouble() < rateB ? 1 : 0;
            }
            n += 100;
            double pA = clicksA / (double) n;
            double pB = clicksB / (double) n;
            Estimate difference = new Estimate(pB - pA, (pA * (1 - pA) + pB * (1 - pB)) / n);
            test = test.observe(difference);
            if (rejectedAt == 0 && test.pValue() <= mixture.alpha()) {
                rejectedAt = n;
            }
            if (difference.variance() > 0 && Math.abs(difference.value()) / difference.standardError() > 1.959964) {
                peekingRejected = true;
            }
        }
        return new Trial(test.pValue() <= mixture.alpha(), peekingRejected, rejectedAt);
    }
}
