package io.tandem.domain.experiment.statistics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatioSumsTest {

    /**
     * Four users with (impressions, clicks) = (10, 1), (5, 0), (20, 4), (5, 1): R = 6/40 = 0.15, x̄ = 10,
     * s_xx = 50, s_yy = 3, s_xy = 35/3, so var(R) = (3 - 2·0.15·35/3 + 0.15²·50) / (4 · 10²) = 0.625 / 400.
     */
    @Test
    void deltaMethodVarianceMatchesTheHandComputedValue() {
        UnitTotals<String> totals = new UnitTotals<>(2);
        totals.add("u1", 10, 1);
        totals.add("u2", 5, 0);
        totals.add("u3", 20, 4);
        totals.add("u4", 5, 1);

        Estimate ctr = totals.ratio(1, 0).estimate();

        assertThat(ctr.value()).isCloseTo(0.15, within(1e-15));
        assertThat(ctr.variance()).isCloseTo(0.0015625, within(1e-15));
    }

    @Test
    void runningTotalsEqualTotalsBuiltAtOnceEvenWhenAUnitGoesDown() {
        UnitTotals<String> running = new UnitTotals<>(3);
        running.add("a", 3, 1, 10.5);
        running.add("b", 2, 0, 0);
        running.add("a", 1, 1, -10.5);
        running.add("c", 4, 2, 7.25);
        running.add("b", 0, 1, 0);
        UnitTotals<String> direct = new UnitTotals<>(3);
        direct.add("a", 4, 2, 0);
        direct.add("b", 2, 1, 0);
        direct.add("c", 4, 2, 7.25);

        assertThat(running.ratio(1, 0)).isEqualTo(direct.ratio(1, 0));
        assertThat(running.ratio(2, 0)).isEqualTo(direct.ratio(2, 0));
        assertThat(running.units()).isEqualTo(3);
        assertThat(running.total(2)).isEqualTo(7.25);
    }

    @Test
    void untouchedOrSingleUnitsHaveNoVarianceYet() {
        assertThat(RatioSums.EMPTY.estimate()).isEqualTo(new Estimate(0, 0));
        UnitTotals<String> one = new UnitTotals<>(2);
        one.add("u", 10, 2);
        assertThat(one.ratio(1, 0).estimate()).isEqualTo(new Estimate(0.2, 0));
    }

    /**
     * Users differ in taste and see different numbers of impressions, so impressions are not independent: the
     * delta-method interval over users keeps its 95 % coverage, the naive binomial one over impressions does not.
     */
    @Test
    void deltaMethodIntervalsCoverTheTrueRatioUnderClusteringWhereTheNaiveOneFails() {
        SplittableRandom random = new SplittableRandom(20261121);
        int replications = 1_000;
        int deltaCovers = 0;
        int naiveCovers = 0;
        double trueCtr = 0.1;
        for (int r = 0; r < replications; r++) {
            UnitTotals<Integer> totals = new UnitTotals<>(2);
            for (int user = 0; user < 400; user++) {
                int impressions = 1 + random.nextInt(40);
                // Each user's own rate is 0.02 or 0.18 with equal chance, 0.1 on average.
                double rate = random.nextBoolean() ? 0.02 : 0.18;
                int clicks = 0;
                for (int i = 0; i < impressions; i++) {
                    clicks += random.nextDouble() < rate ? 1 : 0;
                }
                totals.add(user, impressions, clicks);
            }
            RatioSums sums = totals.ratio(1, 0);
            if (sums.estimate().interval(0.95).contains(trueCtr)) {
                deltaCovers++;
            }
            double p = sums.ratio();
            double naiveHalf = 1.959964 * Math.sqrt(p * (1 - p) / sums.sumX());
            if (Math.abs(p - trueCtr) <= naiveHalf) {
                naiveCovers++;
            }
        }
        assertThat(deltaCovers / (double) replications).isBetween(0.93, 0.97);
        assertThat(naiveCovers / (double) replications).isLessThan(0.85);
    }

    @Test
    void differencesAndRelativeChangesCarryTheVariancesOfBothSides() {
        Estimate champion = new Estimate(0.10, 0.0001);
        Estimate challenger = new Estimate(0.12, 0.0004);

        assertThat(challenger.minus(champion).value()).isCloseTo(0.02, within(1e-15));
        assertThat(challenger.minus(champion).variance()).isCloseTo(0.0005, within(1e-15));
        // var(b/a) ≈ var(b)/a² + b² var(a)/a⁴ = 0.0004/0.01 + 0.0144 · 0.0001 / 0.0001 = 0.04 + 0.0144.
        Estimate lift = challenger.relativeTo(champion);
        assertThat(lift.value()).isCloseTo(0.2, within(1e-12));
        assertThat(lift.variance()).isCloseTo(0.0544, within(1e-12));
        assertThat(new Estimate(1, 0.25).interval(0.95).low()).isCloseTo(1 - 0.5 * 1.959963984540054, within(1e-12));
    }
}
