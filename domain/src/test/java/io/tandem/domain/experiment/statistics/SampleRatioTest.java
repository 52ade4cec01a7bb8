package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

class SampleRatioTest {

    private static final Map<String, Double> HALVES = Map.of("control", 0.5, "treatment", 0.5);

    /**
     * Kohavi, Tang and Xu, "Trustworthy Online Controlled Experiments" (2020), chapter 3: 821,588 users in
     * control and 815,482 in treatment of a 50/50 experiment, a ratio of 0.5019 with a p-value of 1.8e-6. The
     * always-valid p-value, computed by hand with Python's math.lgamma, is 4.6e-4: still a mismatch.
     */
    @Test
    void flagsThePublishedMismatch() {
        SampleRatio check = SampleRatio.check(Map.of("control", 821_588L, "treatment", 815_482L), HALVES,
                SampleRatio.DEFAULT_THRESHOLD);

        assertThat(check.chiSquare()).isCloseTo(22.7744, within(0.0001));
        assertThat(check.pValue()).isCloseTo(1.8e-6, withPercentage(2));
        assertThat(check.degreesOfFreedom()).isEqualTo(1);
        assertThat(check.alwaysValidPValue()).isCloseTo(0.0004622617385264438, withPercentage(1e-6));
        assertThat(check.mismatch()).isTrue();
    }

    @Test
    void aSmallImbalanceIsNotAMismatch() {
        SampleRatio check = SampleRatio.check(Map.of("control", 10_050L, "treatment", 9_950L), HALVES, 0.001);

        // χ² = 2 · 50² / 10,000 = 0.5, and P(χ²₁ ≥ 0.5) = 0.4795.
        assertThat(check.chiSquare()).isCloseTo(0.5, within(1e-12));
        assertThat(check.pValue()).isCloseTo(0.4795, within(0.0001));
        assertThat(check.alwaysValidPValue()).isEqualTo(1.0);
        assertThat(check.mismatch()).isFalse();
    }

    @Test
    void unequalSharesAndAHoldoutAreTestedAgainstTheirOwnShares() {
        Map<String, Double> shares = Map.of("a", 0.45, "b", 0.45, "holdout", 0.1);

        SampleRatio check = SampleRatio.check(Map.of("a", 4_500L, "b", 4_480L, "holdout", 1_020L), shares, 0.001);

        // χ² = 0 + 20²/4500 + 20²/1000 = 0.48889 on 2 degrees of freedom, whose tail is exp(-χ²/2).
        assertThat(check.chiSquare()).isCloseTo(0.488888, within(1e-6));
        assertThat(check.pValue()).isCloseTo(Math.exp(-0.488888888 / 2), within(1e-9));
        assertThat(check.mismatch()).isFalse();
    }

    /** A gross skew in a small sample: 1,000 against 1,300 users (the mixture's p-value by hand: 2.12e-6). */
    @Test
    void aGrossSkewIsFlaggedEarly() {
        SampleRatio check = SampleRatio.check(Map.of("control", 1_000L, "treatment", 1_300L), HALVES, 0.001);

        assertThat(check.alwaysValidPValue()).isCloseTo(2.1239698674523037e-06, withPercentage(1e-6));
        assertThat(check.mismatch()).isTrue();
    }

    /**
     * A healthy 50/50 split checked after every 100 new users up to 20,000: at a threshold of 0.05 the
     * always-valid check raises a false alarm in at most 5 % of experiments, the repeated chi-squared test in
     * far more.
     */
    @Test
    void repeatedChecksOfAHealthySplitRaiseFewFalseAlarms() {
        SplittableRandom random = new SplittableRandom(99);
        int experiments = 400;
        int alwaysValidAlarms = 0;
        int chiSquareAlarms = 0;
        for (int e = 0; e < experiments; e++) {
            long control = 0;
            boolean alwaysValid = false;
            boolean chiSquare = false;
            for (int users = 1; users <= 20_000; users++) {
                control += random.nextBoolean() ? 1 : 0;
                if (users % 100 == 0) {
                    SampleRatio check = SampleRatio.check(Map.of("control", control, "treatment", users - control),
                            HALVES, 0.05);
                    alwaysValid |= check.mismatch();
                    chiSquare |= check.pValue() < 0.05;
                }
            }
            alwaysValidAlarms += alwaysValid ? 1 : 0;
            chiSquareAlarms += chiSquare ? 1 : 0;
        }
        System.out.printf("healthy splits checked 200 times at 0.05: always-valid alarms in %d of %d, chi-squared %d%n",
                alwaysValidAlarms, experiments, chiSquareAlarms);
        assertThat(alwaysValidAlarms / (double) experiments).isLessThanOrEqualTo(0.05);
        assertThat(chiSquareAlarms / (double) experiments).isGreaterThan(0.15);
    }

    @Test
    void groupsMustMatchAndSharesMustSumToOne() {
        assertThatThrownBy(() -> SampleRatio.check(Map.of("a", 1L, "b", 1L), Map.of("a", 0.5, "c", 0.5), 0.001))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> SampleRatio.check(Map.of("a", 1L, "b", 1L), Map.of("a", 0.5, "b", 0.6), 0.001))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(SampleRatio.check(Map.of("a", 0L, "b", 0L), Map.of("a", 0.5, "b", 0.5), 0.001).mismatch())
                .isFalse();
    }
}
