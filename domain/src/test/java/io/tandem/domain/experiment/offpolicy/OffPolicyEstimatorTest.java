package io.tandem.domain.experiment.offpolicy;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OffPolicyEstimatorTest {

    /** Always action 1 of two. */
    private static final TargetPolicy ALWAYS_ONE = (context, position) -> new double[] {0, 1};
    private static final double[] CLICK_RATES = {0.02, 0.04, 0.06, 0.08, 0.10};

    /**
     * Four records logged uniformly over two actions (propensity 1/2): (1, click), (0, click), (1, none),
     * (1, click). The weights for "always 1" are 2, 0, 2, 2, so IPS = (2 + 0 + 0 + 2) / 4 = 1,
     * SNIPS = 4 / 6, and DR with q = 1/2 everywhere = mean(1.5, 0.5, -0.5, 1.5) = 0.75.
     */
    @Test
    void estimatorsMatchTheHandComputedValues() {
        List<LoggedDecision> log = List.of(new LoggedDecision("", 1, 1, 1, 0.5), new LoggedDecision("", 0, 1, 1, 0.5),
                new LoggedDecision("", 1, 1, 0, 0.5), new LoggedDecision("", 1, 1, 1, 0.5));

        OffPolicyEstimate ips = new InversePropensityScoring().estimate(log, ALWAYS_ONE, 0.95);
        OffPolicyEstimate snips = new SelfNormalisedIps().estimate(log, ALWAYS_ONE, 0.95);
        OffPolicyEstimate dr = new DoublyRobust((context, position, action) -> 0.5).estimate(log, ALWAYS_ONE, 0.95);

        assertThat(ips.value()).isEqualTo(1.0);
        // Terms 2, 0, 0, 2: sample variance 4/3, standard error sqrt(4/3 / 4).
        assertThat(ips.standardError()).isCloseTo(Math.sqrt(1 / 3.0), within(1e-15));
        assertThat(ips.effectiveSampleSize()).isCloseTo(3.0, within(1e-12));
        assertThat(snips.value()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(dr.value()).isCloseTo(0.75, within(1e-15));
        assertThat(ips.records()).isEqualTo(4);
    }

    @Test
    void doublyRobustWithAZeroRewardModelIsIps() {
        List<LoggedDecision> log = uniformLog(new SplittableRandom(3), 2_000);
        TargetPolicy best = (context, position) -> new double[] {0, 0, 0, 0.5, 0.5};

        assertThat(new DoublyRobust((context, position, action) -> 0).estimate(log, best, 0.95).value())
                .isCloseTo(new InversePropensityScoring().estimate(log, best, 0.95).value(), within(1e-15));
    }

    /** 300 logs of a uniform policy over five actions: each estimator's 95 % interval covers the truth ~95 %. */
    @Test
    void intervalsCoverTheTargetPolicysTrueClickRate() {
        TargetPolicy target = (context, position) -> new double[] {0, 0, 0.2, 0.3, 0.5};
        double truth = 0.2 * 0.06 + 0.3 * 0.08 + 0.5 * 0.10;
        SplittableRandom random = new SplittableRandom(11);
        int replications = 300;
        int[] covered = new int[3];
        double[] meanError = new double[3];
        double drWidth = 0;
        double ipsWidth = 0;
        for (int r = 0; r < replications; r++) {
            List<LoggedDecision> log = uniformLog(random, 5_000);
            List<OffPolicyEstimate> estimates = List.of(
                    new InversePropensityScoring().estimate(log, target, 0.95),
                    new SelfNormalisedIps().estimate(log, target, 0.95),
                    new DoublyRobust(TabularRewardModel.fit(log, 10)).estimate(log, target, 0.95));
            for (int e = 0; e < 3; e++) {
                covered[e] += estimates.get(e).interval().contains(truth) ? 1 : 0;
                meanError[e] += (estimates.get(e).value() - truth) / replications;
            }
            ipsWidth += estimates.get(0).interval().width();
            drWidth += estimates.get(2).interval().width();
        }
        for (int e = 0; e < 3; e++) {
            assertThat(covered[e] / (double) replications).as("coverage of estimator %d", e).isBetween(0.91, 0.99);
            assertThat(meanError[e]).as("bias of estimator %d", e).isCloseTo(0, within(0.001));
        }
        assertThat(drWidth).isLessThan(ipsWidth);
    }

    @Test
    void theEmpiricalPolicyAndTheRewardTableReadTheLog() {
        List<LoggedDecision> log = List.of(new LoggedDecision("", 0, 1, 1, 1), new LoggedDecision("", 2, 1, 0, 1),
                new LoggedDecision("", 2, 1, 0, 1), new LoggedDecision("", 1, 2, 1, 1));

        EmpiricalPolicy policy = EmpiricalPolicy.of(log, 3);
        assertThat(policy.distribution("any", 1)).containsExactly(1 / 3.0, 0, 2 / 3.0);
        assertThat(policy.distribution("any", 2)).containsExactly(0, 1, 0);
        assertThat(policy.distribution("any", 3)).containsExactly(0, 0, 0);
        // Position 1 has mean 1/3; action 2 there has 0 of 2, shrunk by a prior worth one record: (0 + 1/3) / 3.
        TabularRewardModel model = TabularRewardModel.fit(log, 1);
        assertThat(model.expectedReward("", 1, 2)).isCloseTo(1 / 9.0, within(1e-15));
        assertThat(model.expectedReward("", 1, 1)).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(model.expectedReward("", 9, 1)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void badLogsAndPoliciesAreRefused() {
        List<LoggedDecision> one = List.of(new LoggedDecision("", 1, 1, 1, 0.5));
        assertThatThrownBy(() -> new InversePropensityScoring().estimate(one, ALWAYS_ONE, 0.95))
                .isInstanceOf(InvalidFieldException.class);
        List<LoggedDecision> two = List.of(new LoggedDecision("", 1, 1, 1, 0.5), new LoggedDecision("", 0, 1, 0, 0.5));
        assertThatThrownBy(() -> new SelfNormalisedIps().estimate(two, (c, p) -> new double[] {0, 2}, 0.95))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> new LoggedDecision("", 1, 1, 1, 0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new LoggedDecision("", -1, 1, 1, 0.5)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new LoggedDecision("", 1, 0, 1, 0.5)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new LoggedDecision("", 1, 1, Double.NaN, 0.5))
                .isInstanceOf(InvalidFieldException.class);
    }

    /** Actions drawn uniformly (propensity 1/5), clicks with the action's rate. */
    private static List<LoggedDecision> uniformLog(SplittableRandom random, int records) {
        List<LoggedDecision> log = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            int action = random.nextInt(CLICK_RATES.length);
            double reward = random.nextDouble() < CLICK_RATES[action] ? 1 : 0;
            log.add(new LoggedDecision("", action, 1, reward, 1.0 / CLICK_RATES.length));
        }
        return log;
    }
}
