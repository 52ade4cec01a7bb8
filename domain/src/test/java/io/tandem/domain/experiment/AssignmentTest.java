package io.tandem.domain.experiment;

import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.statistics.ChiSquared;
import io.tandem.domain.experiment.statistics.SampleRatio;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.tandem.domain.experiment.ExperimentFixture.anExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AssignmentTest {

    private static final int USERS = 100_000;

    /** Computed independently with Python's hashlib: the same points on every instance, JVM and language. */
    @Test
    void pointsEqualReferenceValuesComputedOutsideJava() {
        assertThat(AssignmentHash.point("ab-1", "u1")).isEqualTo(0.23441729481744644);
        assertThat(AssignmentHash.point("ab-1", "u2")).isEqualTo(0.6615229206895132);
        assertThat(AssignmentHash.point("ab-2", "u1")).isEqualTo(0.41943682887543465);
        assertThat(AssignmentHash.point("ab-1", "ünïcode-user")).isEqualTo(0.24925067369808107);
    }

    @Test
    void theSameUserLandsInTheSameVariantOnTwoInstances() {
        Experiment onFirstInstance = anExperiment().running();
        Experiment onSecondInstance = anExperiment().draft().start(ExperimentFixture.START.plusSeconds(5), List.of());

        for (int u = 0; u < 1_000; u++) {
            UserId user = UserId.of("user-" + u);
            assertThat(onSecondInstance.assign(user)).isEqualTo(onFirstInstance.assign(user));
        }
        // ab-1 places u1 at 0.234 (below 0.5: variant a) and u2 at 0.662 (variant b).
        assertThat(onFirstInstance.assign(UserId.of("u1")).group()).isEqualTo("a");
        assertThat(onFirstInstance.assign(UserId.of("u2")).group()).isEqualTo("b");
    }

    /** 20 equal buckets over 100,000 users: χ² on 19 degrees of freedom must not be extreme (p > 0.001). */
    @Test
    void pointsAreUniform() {
        int buckets = 20;
        long[] counts = new long[buckets];
        for (String user : users(7)) {
            counts[(int) (AssignmentHash.point("uniformity", user) * buckets)]++;
        }
        double expected = USERS / (double) buckets;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertThat(ChiSquared.upperTail(chiSquare, buckets - 1)).isGreaterThan(0.001);
    }

    /** A 4×4 contingency table of the buckets under two salts: independence is not rejected, correlation is nil. */
    @Test
    void differentSaltsSplitIndependently() {
        long[][] table = new long[4][4];
        double sumXY = 0;
        for (String user : users(8)) {
            double x = AssignmentHash.point("exp-one", user);
            double y = AssignmentHash.point("exp-two", user);
            table[(int) (x * 4)][(int) (y * 4)]++;
            sumXY += (x - 0.5) * (y - 0.5);
        }
        double chiSquare = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = rowTotal(table, i) * columnTotal(table, j) / (double) USERS;
                chiSquare += (table[i][j] - expected) * (table[i][j] - expected) / expected;
            }
        }
        assertThat(ChiSquared.upperTail(chiSquare, 9)).isGreaterThan(0.001);
        // The correlation of two independent uniforms has standard deviation 1/sqrt(n) = 0.0032 here.
        assertThat(sumXY / USERS * 12).isCloseTo(0, within(0.015));
    }

    @Test
    void sharesAndTheHoldoutAreRespected() {
        Experiment experiment = anExperiment().variants(Variant.of("a", 0.2, VariantModel.champion()),
                Variant.of("b", 0.3, VariantModel.champion()), Variant.of("c", 0.5, VariantModel.champion()))
                .holdout(0.1).running();
        Map<String, Long> counts = new HashMap<>();
        int heldBelowTheHoldoutShare = 0;
        for (String user : users(9)) {
            Assignment assignment = experiment.assign(UserId.of(user));
            counts.merge(assignment.group(), 1L, Long::sum);
            heldBelowTheHoldoutShare += assignment.inHoldout() == assignment.point() < 0.1 ? 1 : 0;
        }

        assertThat(heldBelowTheHoldoutShare).isEqualTo(USERS);

        assertThat(counts.get("c") / (double) USERS).isCloseTo(0.45, within(0.01));
        assertThat(counts.get(Assignment.HOLDOUT) / (double) USERS).isCloseTo(0.1, within(0.01));
        assertThat(SampleRatio.check(counts, experiment.expectedShares(), SampleRatio.DEFAULT_THRESHOLD).mismatch())
                .isFalse();
    }

    private static List<String> users(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return random.longs(USERS).mapToObj(id -> "user-" + Long.toHexString(id)).toList();
    }

    private static long rowTotal(long[][] table, int row) {
        long total = 0;
        for (long cell : table[row]) {
            total += cell;
        }
        return total;
    }

    private static long columnTotal(long[][] table, int column) {
        long total = 0;
        for (long[] row : table) {
            total += row[column];
        }
        return total;
    }
}
