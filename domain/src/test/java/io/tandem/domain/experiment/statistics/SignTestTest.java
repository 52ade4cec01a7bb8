package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/** Exact binomial tails, by hand: 2 · Σ_{i ≥ k} C(n, i) / 2ⁿ. */
class SignTestTest {

    @Test
    void matchesExactBinomialTails() {
        // 2 · (15504 + 4845 + 1140 + 190 + 20 + 1) / 2^20
        assertThat(SignTest.twoSidedPValue(15, 20)).isCloseTo(0.04138946533203125, within(1e-14));
        assertThat(SignTest.twoSidedPValue(5, 20)).isCloseTo(0.04138946533203125, within(1e-14));
        // 2 · (10 + 1) / 2^10
        assertThat(SignTest.twoSidedPValue(9, 10)).isCloseTo(0.021484375, within(1e-14));
        assertThat(SignTest.twoSidedPValue(540, 1000)).isCloseTo(0.01244414627717178, withPercentage(1e-8));
    }

    @Test
    void anEvenSplitOrNoTrialIsNoEvidence() {
        assertThat(SignTest.twoSidedPValue(10, 20)).isEqualTo(1.0);
        assertThat(SignTest.twoSidedPValue(3, 5)).isEqualTo(1.0);
        assertThat(SignTest.twoSidedPValue(0, 0)).isEqualTo(1.0);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> SignTest.twoSidedPValue(6, 5)).isInstanceOf(InvalidFieldException.class);
    }
}
