package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;

/**
 * A {@link Retrieval} where a few items have scores of their own and every other item scores the same
 * {@code rest} value: item neighbours (touched items, the rest at 0) and EASE (solved items, the rest below
 * them). Costs grow with the number of scored items and the depth asked for, not with the catalogue. It answers
 * exactly what {@link DenseRetrieval} answers for the same scores, up to the rounding of the sums.
 */
public record SparseRetrieval(int[] items, float[] values, float rest, int[] top, float mean, float deviation)
        implements Retrieval {

    /**
     * @param itemCount every item of the model
     * @param items     the items with scores of their own, ascending and distinct (kept, not changed)
     * @param values    their scores, in the same order; kept, and the history's items among them set to
     *                  {@code -Infinity}
     * @param rest      the score of every other item; finite
     */
    public static SparseRetrieval of(int itemCount, int[] items, float[] values, float rest, UserHistory history,
                                     int depth) {
        if (!Float.isFinite(rest)) {
            throw new InvalidFieldException("rest", "must be finite");
        }
        int[] had = history.items();
        int hadAmongItems = 0;
        for (int seen : had) {
            int at = Arrays.binarySearch(items, seen);
            if (at >= 0) {
                values[at] = Float.NEGATIVE_INFINITY;
                hadAmongItems++;
            }
        }
        double sum = 0;
        double squares = 0;
        long count = 0;
        int restTied = 0;
        for (float value : values) {
            if (value != Float.NEGATIVE_INFINITY) {
                sum += value;
                squares += (double) value * value;
                count++;
                if (value == rest) {
                    restTied++;
                }
            }
        }
        long others = (long) itemCount - items.length - (had.length - hadAmongItems);
        sum += rest * (double) others;
        squares += (double) rest * rest * others;
        count += others;
        double[] moments = DenseRetrieval.Moments.of(sum, squares, count);
        int[] top = top(itemCount, items, values, rest, had, depth, others + restTied);
        return new SparseRetrieval(items, values, rest, top, (float) moments[0], (float) moments[1]);
    }

    /** Items above {@code rest} by score, then the items tied at {@code rest} by index, then those below. */
    private static int[] top(int itemCount, int[] items, float[] values, float rest, int[] had, int depth,
                             long tied) {
        int[] best = TopItems.select(values, depth);
        int[] top = new int[depth];
        int size = 0;
        int next = 0;
        while (next < best.length && values[best[next]] > rest) {
            top[size++] = items[best[next++]];
        }
        long tiedLeft = tied;
        int special = 0;
        int seen = 0;
        for (int item = 0; item < itemCount && size < depth && tiedLeft > 0; item++) {
            while (special < items.length && items[special] < item) {
                special++;
            }
            while (seen < had.length && had[seen] < item) {
                seen++;
            }
            boolean tiedItem = special < items.length && items[special] == item ? values[special] == rest
                    : !(seen < had.length && had[seen] == item);
            if (tiedItem) {
                top[size++] = item;
                tiedLeft--;
            }
        }
        while (next < best.length && values[best[next]] >= rest) {
            next++;
        }
        while (next < best.length && size < depth) {
            top[size++] = items[best[next++]];
        }
        return size == depth ? top : Arrays.copyOf(top, size);
    }

    @Override
    public float score(int item) {
        int at = Arrays.binarySearch(items, item);
        return at >= 0 ? values[at] : rest;
    }

    /** One walk along the scored items: a binary search per item mispredicts a branch at almost every step. */
    @Override
    public void scores(int[] ascending, float[] out) {
        int p = 0;
        for (int k = 0; k < ascending.length; k++) {
            int item = ascending[k];
            while (p < items.length && items[p] < item) {
                p++;
            }
            out[k] = p < items.length && items[p] == item ? values[p] : rest;
        }
    }

    @Override
    public void scoreAll(float[] out) {
        Arrays.fill(out, rest);
        for (int k = 0; k < items.length; k++) {
            out[items[k]] = values[k];
        }
    }
}
