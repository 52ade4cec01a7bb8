package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

class SampleRatioTest {

    private static final Map<String, Double> HALVES = Map.of("control", 0.5, "treatment", 0.5);

    /**
     * Kohavi, Tang and Xu, "Trustworthy Online Controlled Experiments" (2020), chapter 3: 821,588 users in
     * control and 815,482 in treatment of a 50/50 experiment, a ratio of 0.5019 with a p-value of 1.8e-6.
     */
    @Test
    void flagsThePublishedMismatch() {
        SampleRatio check = SampleRatio.check(Map.of("control", 821_588L, "treatment", 815_482L), HALVES,
                SampleRatio.DEFAULT_THRESHOLD);

        assertThat(check.chiSquare()).isCloseTo(22.7744, within(0.0001));
        assertThat(check.pValue()).isCloseTo(1.8e-6, withPercentage(2));
        assertThat(check.degreesOfFreedom()).isEqualTo(1);
        assertThat(check.mismatch()).isTrue();
    }

    @Test
    void aSmallImbalanceIsNotAMismatch() {
        SampleRatio check = SampleRatio.check(Map.of("control", 10_050L, "treatment", 9_950L), HALVES, 0.001);

        // χ² = 2 · 50² / 10,000 = 0.5, and P(χ²₁ ≥ 0.5) = 0.4795.
        assertThat(check.chiSquare()).isCloseTo(0.5, within(1e-12));
        assertThat(check.pValue()).isCloseTo(0.4795, within(0.0001));
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
