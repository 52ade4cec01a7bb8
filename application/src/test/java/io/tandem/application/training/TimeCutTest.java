package io.tandem.application.training;

import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.retrieval.InteractionLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeCutTest {

    @Test
    void timesWithSpreadAreCutAtTheInstantTheLatestShareBegins() {
        InteractionLog log = log(new long[] {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000});

        TimeCut cut = TimeCut.of(log, HoldOutWindow.latestShare(0.2));
        Fold fold = cut.split(log);

        assertThat(cut.byOrder()).isFalse();
        assertThat(cut.cut()).isEqualTo(900);
        assertThat(fold.test().times()).containsExactly(900, 1000);
        assertThat(cut.holdOutName(2)).startsWith("temporal:");
    }

    @Test
    void eventsThatAllShareOneSecondAreCutInEventOrderKeepingBothSidesNonEmpty() {
        InteractionLog log = log(new long[] {500, 500, 500, 500, 500, 500, 500, 500, 500, 500});

        TimeCut cut = TimeCut.of(log, HoldOutWindow.latestShare(0.2));
        Fold fold = cut.split(log);

        assertThat(cut.byOrder()).isTrue();
        assertThat(fold.train().size()).isEqualTo(8);
        // The latest rows in the lake's order: items 8 and 9.
        assertThat(fold.test().items()).containsExactly(8, 9);
        assertThat(cut.holdOutName(2)).startsWith("order:latest=2;");
        assertThat(cut.describe()).contains("event order");
        // A share too small for one row still holds one out; too large still trains on one.
        assertThat(TimeCut.of(log, HoldOutWindow.latestShare(0.01)).split(log).test().size()).isEqualTo(1);
        assertThat(TimeCut.of(log, HoldOutWindow.latestShare(0.99)).split(log).train().size()).isEqualTo(1);
    }

    @Test
    void aShareThatStartsInTheFirstSecondIsCutByOrderAfterTheEarlierRows() {
        // Nine rows in the first second, one later: the latest 30 % cannot be cut by time.
        InteractionLog log = log(new long[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 9});

        Fold fold = TimeCut.of(log, HoldOutWindow.latestShare(0.3)).split(log);

        assertThat(fold.test().size()).isEqualTo(3);
        assertThat(fold.test().times()).containsExactlyInAnyOrder(5, 5, 9);
    }

    @Test
    void tooLittleDataOrADaysWindowCoveringEverythingIsRefusedInWords() {
        assertThatThrownBy(() -> TimeCut.of(log(new long[0]), HoldOutWindow.latestShare(0.1)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("no positive interaction");
        assertThatThrownBy(() -> TimeCut.of(log(new long[] {7}), HoldOutWindow.latestShare(0.1)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("single positive interaction");
        assertThatThrownBy(() -> TimeCut.of(log(new long[] {7, 7, 7}), HoldOutWindow.lastDays(1)))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("holdOut"))
                .hasMessageContaining("nothing is left to train on");
    }

    /** One user per row and one item per row (row index), at {@code times}. */
    private static InteractionLog log(long[] times) {
        int n = times.length;
        int[] users = new int[n];
        int[] items = new int[n];
        float[] values = new float[n];
        for (int row = 0; row < n; row++) {
            users[row] = row % 3;
            items[row] = row;
            values[row] = 1f;
        }
        return new InteractionLog(3, Math.max(1, n), users, items, values, times);
    }
}
