package io.tandem.domain.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionMatrixTest {

    @Test
    void rowsAreSortedAndRepeatedCellsAddUpKeepingTheLatestTime() {
        // User 0: item 2 twice (values 1 + 2, times 10 and 30), item 0 once. User 1: item 1.
        InteractionLog log = new InteractionLog(2, 3, new int[] {0, 1, 0, 0}, new int[] {2, 1, 0, 2},
                new float[] {1, 1, 1, 2}, new long[] {10, 20, 5, 30});

        InteractionMatrix matrix = InteractionMatrix.of(log);

        assertThat(matrix.nonZeros()).isEqualTo(3);
        assertThat(matrix.rowLength(0)).isEqualTo(2);
        assertThat(matrix.columns()[matrix.rowStart(0)]).isEqualTo(0);
        assertThat(matrix.values()[matrix.rowStart(0) + 1]).isEqualTo(3f);
        assertThat(matrix.times()[matrix.rowStart(0) + 1]).isEqualTo(30L);
        assertThat(matrix.contains(1, 1)).isTrue();
        assertThat(matrix.contains(1, 2)).isFalse();
        assertThat(matrix.columnCounts()).containsExactly(1, 1, 1);
        assertThat(matrix.latestTime()).isEqualTo(30L);
    }

    @Test
    void theTransposeListsEachItemsUsers() {
        InteractionLog log = new InteractionLog(3, 2, new int[] {2, 0, 1}, new int[] {0, 0, 1},
                new float[] {1, 1, 1}, new long[] {1, 2, 3});

        InteractionMatrix byItem = InteractionMatrix.of(log).transpose();

        assertThat(byItem.userCount()).isEqualTo(2);
        assertThat(byItem.rowLength(0)).isEqualTo(2);
        assertThat(byItem.columns()[byItem.rowStart(0)]).isEqualTo(0);
        assertThat(byItem.columns()[byItem.rowStart(0) + 1]).isEqualTo(2);
    }
}
