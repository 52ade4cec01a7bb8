package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/** Reference values from tables of the normal distribution (and Python's math.erfc / statistics.NormalDist). */
class NormalTest {

    @Test
    void cdfMatchesTabulatedValues() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-15));
        assertThat(Normal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-15));
    }

    @Test
    void farTailsKeepTheirRelativePrecision() {
        assertThat(Normal.upperTail(5)).isCloseTo(2.866515718791946e-07, withPercentage(1e-9));
        assertThat(Normal.upperTail(8)).isCloseTo(6.220960574271819e-16, withPercentage(1e-9));
        assertThat(Normal.cdf(-8)).isCloseTo(6.220960574271819e-16, withPercentage(1e-9));
    }

    @Test
    void quantilesMatchTabulatedValues() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.9599639845400536, within(1e-13));
        assertThat(Normal.quantile(0.995)).isCloseTo(2.5758293035489, within(1e-13));
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-11));
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(Normal.twoSidedCritical(0.95)).isCloseTo(1.9599639845400536, within(1e-13));
        assertThat(Normal.twoSidedCritical(0.99)).isCloseTo(2.5758293035489, within(1e-13));
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double p = 0.0005; p < 1; p += 0.0137) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-14));
        }
    }

    @Test
    void probabilitiesOutsideTheOpenUnitIntervalAreRefused() {
        for (double p : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Normal.quantile(p)).isInstanceOf(InvalidFieldException.class);
        }
        assertThatThrownBy(() -> Normal.twoSidedCritical(1)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("confidence");
    }
}
