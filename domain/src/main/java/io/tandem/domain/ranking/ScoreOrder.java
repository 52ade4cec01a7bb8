package io.tandem.domain.ranking;

import java.util.Arrays;

/** The order of scored rows that every ranked answer starts from: highest score first, ties by row. */
public final class ScoreOrder {

    private ScoreOrder() {
    }

    /**
     * Row indexes of {@code scores} by score, highest first; ties keep row order (on the request path, the
     * candidates' retriever order). One primitive sort, no boxing: it runs for every request.
     */
    public static int[] highestFirst(float[] scores) {
        long[] keyed = new long[scores.length];
        for (int row = 0; row < scores.length; row++) {
            // Higher scores first: flip the sortable bits of the float, row in the low half.
            int bits = Float.floatToIntBits(scores[row]);
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
            keyed[row] = ((long) ~sortable << 32) | row;
        }
        Arrays.sort(keyed);
        int[] order = new int[scores.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = (int) keyed[r];
        }
        return order;
    }
}
