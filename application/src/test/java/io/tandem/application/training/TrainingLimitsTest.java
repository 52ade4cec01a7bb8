package io.tandem.application.training;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds of ADR-0029: the hold-out sample and the cap on interactions. */
class TrainingLimitsTest {

    /** {@code users} users, each with {@code perUser} (at most 16) distinct items of 0..49, at seeded times. */
    private static InteractionLog log(int users, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = users * perUser;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int row = 0; row < n; row++) {
            u[row] = row / perUser;
            i[row] = (row / perUser * 7 + row % perUser * 3) % 50;
            v[row] = 1f;
            t[row] = random.nextInt(1_000_000);
        }
        return new InteractionLog(users, 50, u, i, v, t);
    }

    @Test
    void aHoldOutWithMoreEvaluableUsersThanTheBoundIsASeededSampleOfThatManyNamedBySample() {
        InteractionMatrix history = InteractionMatrix.of(new InteractionLog(200, 50, new int[0], new int[0],
                new float[0], new long[0]));
        InteractionLog heldOut = log(200, 3, 1);

        HoldOutSample sample = HoldOutSample.of(history, heldOut, "temporal:x", 50, 42);
        HoldOutSample again = HoldOutSample.of(history, heldOut, "temporal:x", 50, 42);
        HoldOutSample other = HoldOutSample.of(history, heldOut, "temporal:x", 50, 43);

        assertThat(sample.sampled()).isTrue();
        assertThat(sample.evaluable()).isEqualTo(200);
        assertThat(sample.measured()).isEqualTo(50);
        assertThat(usersOf(sample.heldOut())).hasSize(50).isEqualTo(usersOf(again.heldOut()))
                .isNotEqualTo(usersOf(other.heldOut()));
        // Every measured user keeps all of their hold-out rows.
        assertThat(sample.heldOut().columns().length).isEqualTo(50 * 3);
        assertThat(sample.name()).isEqualTo("temporal:x;users=50-of-200;seed=42");
    }

    @Test
    void aHoldOutWithinTheBoundOrUnboundedIsMeasuredWholeUnderItsOwnName() {
        InteractionMatrix history = InteractionMatrix.of(new InteractionLog(20, 50, new int[0], new int[0],
                new float[0], new long[0]));
        InteractionLog heldOut = log(20, 2, 1);

        HoldOutSample within = HoldOutSample.of(history, heldOut, "temporal:x", 50, 42);
        HoldOutSample unbounded = HoldOutSample.of(history, heldOut, "temporal:x", 0, 42);

        assertThat(within.sampled()).isFalse();
        assertThat(within.name()).isEqualTo("temporal:x");
        assertThat(within.measured()).isEqualTo(20);
        assertThat(unbounded.measured()).isEqualTo(20);
    }

    @Test
    void usersWhoMeetNoNewItemAreNeitherCountedNorSampled() {
        // User 0 had item 7 before and meets only item 7 again; user 1 meets a new item.
        InteractionMatrix history = InteractionMatrix.of(new InteractionLog(2, 50, new int[] {0}, new int[] {7},
                new float[] {1}, new long[] {0}));
        InteractionLog heldOut = new InteractionLog(2, 50, new int[] {0, 1}, new int[] {7, 8}, new float[] {1, 1},
                new long[] {1, 2});

        HoldOutSample sample = HoldOutSample.of(history, heldOut, "h", 1, 42);

        assertThat(sample.evaluable()).isEqualTo(1);
        assertThat(sample.sampled()).isFalse();
    }

    @Test
    void aLakeAboveTheCapKeepsWholeHistoriesOfASeededSampleOfUsersWithinIt() {
        InteractionLog lake = log(100, 10, 3);

        InteractionCap capped = InteractionCap.of(lake, 305, 42);
        InteractionCap again = InteractionCap.of(lake, 305, 42);

        assertThat(capped.sampled()).isTrue();
        assertThat(capped.log().size()).isEqualTo(300);
        assertThat(capped.log().userCount()).isEqualTo(100);
        assertThat(capped.log().itemCount()).isEqualTo(50);
        int[] perUser = new int[100];
        Arrays.stream(capped.log().users()).forEach(user -> perUser[user]++);
        assertThat(Arrays.stream(perUser).filter(count -> count != 0)).allMatch(count -> count == 10);
        assertThat(capped.log().users()).isEqualTo(again.log().users());
        assertThat(capped.message()).contains("tandem.training.max-interactions", "30 of 100 users");
    }

    @Test
    void aLakeWithinTheCapIsTrainedWhole() {
        InteractionLog lake = log(10, 10, 3);

        InteractionCap capped = InteractionCap.of(lake, 100, 42);

        assertThat(capped.sampled()).isFalse();
        assertThat(capped.log()).isSameAs(lake);
    }

    @Test
    void boundsBelowTheirMinimumAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TrainingLimits(-1, 10)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("evaluation-users");
        assertThatThrownBy(() -> new TrainingLimits(10, 0)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("max-interactions");
        assertThat(TrainingLimits.defaults().evaluationUsers()).isEqualTo(TrainingLimits.DEFAULT_EVALUATION_USERS);
    }

    private static Set<Integer> usersOf(InteractionMatrix matrix) {
        Set<Integer> users = new HashSet<>();
        IntStream.range(0, matrix.userCount()).filter(user -> matrix.rowLength(user) > 0).forEach(users::add);
        return users;
    }
}
