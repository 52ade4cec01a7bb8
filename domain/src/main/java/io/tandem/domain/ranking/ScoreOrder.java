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
        return highestFirst(scores, scores.length);
    }

    /**
     * The first {@code limit} rows of {@link #highestFirst(float[])} (all of them when there are fewer): an answer
     * reads only its top places, and choosing 40 of 500 rows with a small heap costs less than sorting all 500.
     */
    public static int[] highestFirst(float[] scores, int limit) {
        int n = scores.length;
        int k = Math.max(0, Math.min(limit, n));
        long[] keyed;
        if (k * 4L >= n) {
            keyed = new long[n];
            for (int row = 0; row < n; row++) {
                keyed[row] = key(scores[row], row);
            }
            Arrays.sort(keyed);
        } else {
            keyed = smallest(scores, k);
        }
        int[] order = new int[k];
        for (int r = 0; r < k; r++) {
            order[r] = (int) keyed[r];
        }
        return order;
    }

    /**
     * The {@code k} smallest keys (best rows), ascending: a max-heap of the kept keys whose root is the weakest;
     * keys are distinct (the row is in them), so the choice and its order are the full sort's.
     */
    private static long[] smallest(float[] scores, int k) {
        long[] heap = new long[k];
        int size = 0;
        for (int row = 0; row < scores.length; row++) {
            long key = key(scores[row], row);
            if (size < k) {
                int at = size++;
                while (at > 0 && heap[(at - 1) >>> 1] < key) {
                    heap[at] = heap[(at - 1) >>> 1];
                    at = (at - 1) >>> 1;
                }
                heap[at] = key;
            } else if (k > 0 && key < heap[0]) {
                int at = 0;
                while (true) {
                    int child = 2 * at + 1;
                    if (child >= k) {
                        break;
                    }
                    if (child + 1 < k && heap[child + 1] > heap[child]) {
                        child++;
                    }
                    if (heap[child] <= key) {
                        break;
                    }
                    heap[at] = heap[child];
                    at = child;
                }
                heap[at] = key;
            }
        }
        Arrays.sort(heap, 0, size);
        return heap;
    }

    /** Higher scores first: the float's sortable bits flipped in the high half, the row in the low half. */
    private static long key(float score, int row) {
        int bits = Float.floatToIntBits(score);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~sortable << 32) | row;
    }
}
