package io.tandem.domain.evaluation;

import io.tandem.domain.retrieval.InteractionLog;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SplitsTest {

    /** User 0 has five interactions at times 50, 10, 40, 20, 30 (items 0..4); user 1 has one (item 0). */
    private static final InteractionLog LOG = new InteractionLog(2, 5,
            new int[] {0, 0, 0, 0, 0, 1},
            new int[] {0, 1, 2, 3, 4, 0},
            new float[] {1, 1, 1, 1, 1, 1},
            new long[] {50, 10, 40, 20, 30, 5});

    @Test
    void temporalSplitHoldsOutEachUsersLatestShare() {
        // 40% of user 0's five rows = 2 rows: the latest, times 50 (item 0) and 40 (item 2).
        // User 1 keeps its only row for training.
        Fold fold = new TemporalSplit(0.4).split(LOG);

        assertThat(fold.test().items()).containsExactlyInAnyOrder(0, 2);
        assertThat(fold.test().users()).containsOnly(0);
        assertThat(fold.train().size()).isEqualTo(4);
    }

    @Test
    void bothSplitsPassOverAUserWithoutRows() {
        // User 2 is indexed but has no rows, as a hold-out-only user is in the train job's training window.
        InteractionLog log = new InteractionLog(3, 5, LOG.users(), LOG.items(), LOG.values(), LOG.times());

        Fold random = new RandomSplit(0.4, 7).split(log);
        Fold temporal = new TemporalSplit(0.4).split(log);

        assertThat(random.train().size() + random.test().size()).isEqualTo(6);
        assertThat(temporal.train().size() + temporal.test().size()).isEqualTo(6);
    }

    @Test
    void randomSplitIsSeededAndKeepsEveryRowOnce() {
        Fold first = new RandomSplit(0.4, 7).split(LOG);
        Fold again = new RandomSplit(0.4, 7).split(LOG);

        assertThat(first.test().items()).containsExactly(again.test().items());
        assertThat(first.test().size()).isEqualTo(2);
        int[] all = new int[6];
        System.arraycopy(first.train().items(), 0, all, 0, 4);
        System.arraycopy(first.test().items(), 0, all, 4, 2);
        Arrays.sort(all);
        assertThat(all).containsExactly(0, 0, 1, 2, 3, 4);
    }
}
