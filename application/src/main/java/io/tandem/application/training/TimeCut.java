package io.tandem.application.training;

import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.retrieval.InteractionLog;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One instant that cuts an interaction log for every user at once: interactions before {@code cut} train, those
 * from {@code cut} to {@code end} (exclusive) are the hold-out. Unlike a per-user split, the model is judged on a
 * stretch of time it never saw any part of, as it will be in production. Times are epoch seconds.
 *
 * <p>When time has too little spread for the share asked (every interaction in the same second, or the latest
 * share starting in the first second), no instant can cut it; the cut then falls between interactions in event
 * order (time, then the order the lake holds them): the latest {@code heldOutByOrder} interactions are the hold-out.
 * {@link #byOrder()} says so and the hold-out's name starts with {@code order:}.
 */
record TimeCut(long first, long cut, long end, int heldOutByOrder) implements Split {

    private static final long SECONDS_PER_DAY = 86_400L;

    TimeCut {
        if (!(first <= cut && cut < end)) {
            throw new IllegalArgumentException("need first <= cut < end");
        }
        if (heldOutByOrder < 0 || heldOutByOrder == 0 && cut == first) {
            throw new IllegalArgumentException("a time cut needs first < cut; an order cut holds out rows");
        }
    }

    /**
     * The cut that holds out {@code window} of {@code log}: the last days before the latest interaction, or the
     * time at which the latest share of interactions begins (interactions of that second all go to the hold-out);
     * for a share that no instant can cut, the latest share in event order.
     *
     * @throws InvalidFieldException naming {@code lake} for fewer than two interactions, or {@code holdOut} for a
     *                               window of days that covers every interaction
     */
    static TimeCut of(InteractionLog log, HoldOutWindow window) {
        int n = log.size();
        if (n == 0) {
            throw new InvalidFieldException("lake", "holds no positive interaction in the dates read: nothing to "
                    + "learn from (impressions, skips, hides and low ratings do not count)");
        }
        if (n == 1) {
            throw new InvalidFieldException("lake", "holds a single positive interaction: a model needs some to "
                    + "learn from and later ones to be measured on");
        }
        long[] times = log.times().clone();
        Arrays.sort(times);
        long first = times[0];
        long end = times[n - 1] + 1;
        if (window.byDays()) {
            long cut = end - window.days() * SECONDS_PER_DAY;
            if (cut <= first) {
                throw new InvalidFieldException("holdOut", window.describe() + " starts at or before the first "
                        + "interaction (" + Instant.ofEpochSecond(first) + "): nothing is left to train on; hold "
                        + "out fewer days or a share of the interactions");
            }
            return new TimeCut(first, cut, end, 0);
        }
        int firstHeldOut = Math.min(n - 1, (int) Math.floor(n * (1 - window.share())));
        long cut = times[firstHeldOut];
        if (cut > first) {
            return new TimeCut(first, cut, end, 0);
        }
        // All of the share lies in the first second: cut by order, never leaving either side empty.
        int heldOut = Math.max(1, n - Math.max(1, firstHeldOut));
        return new TimeCut(first, times[n - heldOut], end, heldOut);
    }

    boolean byOrder() {
        return heldOutByOrder > 0;
    }

    @Override
    public Fold split(InteractionLog log) {
        long[] times = log.times();
        boolean[] heldOut = new boolean[log.size()];
        if (byOrder()) {
            // Stable by time: rows of one second keep the lake's order, the latest rows are held out.
            int[] order = IntStream.range(0, log.size()).boxed()
                    .sorted((a, b) -> Long.compare(times[a], times[b]))
                    .mapToInt(Integer::intValue).toArray();
            for (int p = order.length - heldOutByOrder; p < order.length; p++) {
                heldOut[order[p]] = true;
            }
        } else {
            for (int row = 0; row < log.size(); row++) {
                heldOut[row] = times[row] >= cut;
            }
        }
        int[] train = new int[log.size()];
        int[] test = new int[log.size()];
        int trainSize = 0;
        int testSize = 0;
        for (int row = 0; row < log.size(); row++) {
            if (heldOut[row]) {
                test[testSize++] = row;
            } else {
                train[trainSize++] = row;
            }
        }
        return new Fold(log.select(Arrays.copyOf(train, trainSize)), log.select(Arrays.copyOf(test, testSize)));
    }

    /**
     * Names the evaluation data so that two versions share a name only when they were measured on the same
     * interactions against the same history: the window, its size and where the history starts.
     */
    String holdOutName(int holdOutRows) {
        if (byOrder()) {
            return String.format(Locale.ROOT, "order:latest=%d;from=%s..%s;history-from=%s", holdOutRows,
                    Instant.ofEpochSecond(cut), Instant.ofEpochSecond(end), Instant.ofEpochSecond(first));
        }
        return String.format(Locale.ROOT, "temporal:%s..%s;interactions=%d;history-from=%s",
                Instant.ofEpochSecond(cut), Instant.ofEpochSecond(end), holdOutRows, Instant.ofEpochSecond(first));
    }

    /** In words, for metadata and progress. */
    String describe() {
        return byOrder()
                ? "the latest " + heldOutByOrder + " interactions in event order (time has too little spread to cut)"
                : "from " + Instant.ofEpochSecond(cut);
    }
}
