package io.tandem.domain.retrieval;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse user×item matrix in compressed rows (CSR): row {@code u} holds the items of user {@code u} in
 * ascending order at {@code columns[rowStart(u)..rowEnd(u))}, with the summed value and the latest time of the
 * interactions on that cell. The transpose (item×user) is the same type, so item-side algorithms share the code.
 * Arrays are exposed for speed and must not be changed.
 */
public final class InteractionMatrix {

    private final int rowCount;
    private final int columnCount;
    private final int[] rowStarts;
    private final int[] columns;
    private final float[] values;
    private final long[] times;

    private InteractionMatrix(int rowCount, int columnCount, int[] rowStarts, int[] columns, float[] values,
                              long[] times) {
        this.rowCount = rowCount;
        this.columnCount = columnCount;
        this.rowStarts = rowStarts;
        this.columns = columns;
        this.values = values;
        this.times = times;
    }

    /** The user×item matrix of {@code log}; repeated (user, item) pairs add their values and keep the latest time. */
    public static InteractionMatrix of(InteractionLog log) {
        Objects.requireNonNull(log, "log");
        return build(log.userCount(), log.itemCount(), log.users(), log.items(), log.values(), log.times());
    }

    private static InteractionMatrix build(int rowCount, int columnCount, int[] rowOf, int[] columnOf,
                                           float[] valueOf, long[] timeOf) {
        int n = rowOf.length;
        // Counting sort by row, then sort each row by column: linear in the entries plus small row sorts.
        int[] starts = new int[rowCount + 1];
        for (int k = 0; k < n; k++) {
            starts[rowOf[k] + 1]++;
        }
        for (int r = 0; r < rowCount; r++) {
            starts[r + 1] += starts[r];
        }
        int[] next = Arrays.copyOf(starts, rowCount);
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
            // Column in the high bits, original position in the low bits: sorting a row orders by column and
            // keeps duplicates in input order.
            keyed[next[rowOf[k]]++] = ((long) columnOf[k] << 32) | k;
        }
        int[] outStarts = new int[rowCount + 1];
        int[] outColumns = new int[n];
        float[] outValues = new float[n];
        long[] outTimes = new long[n];
        int size = 0;
        for (int r = 0; r < rowCount; r++) {
            Arrays.sort(keyed, starts[r], starts[r + 1]);
            outStarts[r] = size;
            int previous = -1;
            for (int p = starts[r]; p < starts[r + 1]; p++) {
                int column = (int) (keyed[p] >>> 32);
                int source = (int) keyed[p];
                if (column == previous) {
                    outValues[size - 1] += valueOf[source];
                    outTimes[size - 1] = Math.max(outTimes[size - 1], timeOf[source]);
                } else {
                    outColumns[size] = column;
                    outValues[size] = valueOf[source];
                    outTimes[size] = timeOf[source];
                    size++;
                    previous = column;
                }
            }
        }
        outStarts[rowCount] = size;
        return new InteractionMatrix(rowCount, columnCount, outStarts, Arrays.copyOf(outColumns, size),
                Arrays.copyOf(outValues, size), Arrays.copyOf(outTimes, size));
    }

    /** The item×user matrix: row {@code i} lists the users of item {@code i} in ascending order. */
    public InteractionMatrix transpose() {
        int n = columns.length;
        int[] rowOf = new int[n];
        for (int r = 0; r < rowCount; r++) {
            for (int p = rowStarts[r]; p < rowStarts[r + 1]; p++) {
                rowOf[p] = r;
            }
        }
        return build(columnCount, rowCount, columns, rowOf, values, times);
    }

    /** Users (rows) of a user×item matrix. */
    public int userCount() {
        return rowCount;
    }

    /** Items (columns) of a user×item matrix. */
    public int itemCount() {
        return columnCount;
    }

    /** Stored cells. */
    public int nonZeros() {
        return columns.length;
    }

    public int rowStart(int row) {
        return rowStarts[row];
    }

    public int rowEnd(int row) {
        return rowStarts[row + 1];
    }

    public int rowLength(int row) {
        return rowStarts[row + 1] - rowStarts[row];
    }

    /** Column indexes of all rows, row after row; read with {@link #rowStart} and {@link #rowEnd}. */
    public int[] columns() {
        return columns;
    }

    public float[] values() {
        return values;
    }

    /** Latest interaction time of each cell, epoch seconds. */
    public long[] times() {
        return times;
    }

    /** True when the cell ({@code row}, {@code column}) is stored. */
    public boolean contains(int row, int column) {
        return Arrays.binarySearch(columns, rowStarts[row], rowStarts[row + 1], column) >= 0;
    }

    /** How many rows hold each column: the interaction count of every item in a user×item matrix. */
    public int[] columnCounts() {
        int[] counts = new int[columnCount];
        for (int column : columns) {
            counts[column]++;
        }
        return counts;
    }

    /** The latest time in the matrix (epoch seconds), or {@code Long.MIN_VALUE} when it is empty. */
    public long latestTime() {
        long latest = Long.MIN_VALUE;
        for (long time : times) {
            latest = Math.max(latest, time);
        }
        return latest;
    }
}
