package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

class ChiSquaredTest {

    @Test
    void criticalValuesFromTablesGiveTheirTailProbability() {
        assertThat(ChiSquared.upperTail(3.841458820694124, 1)).isCloseTo(0.05, within(1e-12));
        assertThat(ChiSquared.upperTail(18.307038053275146, 10)).isCloseTo(0.05, within(1e-12));
        assertThat(ChiSquared.upperTail(43.82019512996, 19)).isCloseTo(0.001, within(1e-9));
        assertThat(ChiSquared.upperTail(0, 3)).isEqualTo(1.0);
    }

    @Test
    void evenDegreesOfFreedomMatchTheClosedForm() {
        for (int k = 1; k <= 6; k++) {
            for (double x = 0.25; x < 80; x *= 1.7) {
                assertThat(ChiSquared.upperTail(x, 2 * k)).as("df %d at %s", 2 * k, x)
                        .isCloseTo(closedForm(x, k), withPercentage(1e-9));
            }
        }
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertThat(Gamma.logGamma(0.5)).isCloseTo(0.5723649429247004, within(1e-14));
        assertThat(Gamma.logGamma(10)).isCloseTo(Math.log(362880), within(1e-13));
        assertThat(Gamma.logGamma(100.5)).isCloseTo(361.4355404677776, within(1e-10));
        assertThat(Gamma.logGamma(0.1)).isCloseTo(2.2527126517342055, within(1e-13));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> ChiSquared.upperTail(1, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> ChiSquared.upperTail(Double.NaN, 1)).isInstanceOf(InvalidFieldException.class);
    }

    /** Q(k, x/2) = e^{-x/2} Σ_{i<k} (x/2)^i / i! for 2k degrees of freedom. */
    private static double closedForm(double x, int k) {
        double half = x / 2;
        double term = 1;
        double sum = 1;
        for (int i = 1; i < k; i++) {
            term *= half / i;
            sum += term;
        }
        return Math.exp(-half) * sum;
    }
}
