package io.tandem.application.service;

import io.tandem.application.port.in.HoldOutWindow;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.retrieval.InteractionLog;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * One instant that cuts an interaction log for every user at once: interactions before {@code cut} train, those
 * from {@code cut} to {@code end} (exclusive) are the hold-out. Unlike a per-user split, the model is judged on a
 * stretch of time it never saw any part of, as it will be in production. Times are epoch seconds.
 */
record TimeCut(long first, long cut, long end) implements Split {

    private static final long SECONDS_PER_DAY = 86_400L;

    TimeCut {
        if (!(first < cut && cut < end)) {
            throw new IllegalArgumentException("need first < cut < end");
        }
    }

    /**
     * The cut that holds out {@code window} of {@code log}: the last days before the latest interaction, or the
     * time at which the latest share of interactions begins (interactions of that second all go to the hold-out).
     */
    static TimeCut of(InteractionLog log, HoldOutWindow window) {
        int n = log.size();
        if (n == 0) {
            throw new InvalidFieldException("lake", "holds no positive interaction in the dates read: nothing to "
                    + "learn from (impressions, skips, hides and low ratings do not count)");
        }
        long[] times = log.times().clone();
        Arrays.sort(times);
        long first = times[0];
        long end = times[n - 1] + 1;
        long cut = window.byDays() ? end - window.days() * SECONDS_PER_DAY
                : times[Math.min(n - 1, (int) Math.floor(n * (1 - window.share())))];
        if (cut <= first) {
            throw new InvalidFieldException("holdOut", window.describe() + " starts at or before the first "
                    + "interaction (" + Instant.ofEpochSecond(first) + "): nothing is left to train on");
        }
        return new TimeCut(first, cut, end);
    }

    @Override
    public Fold split(InteractionLog log) {
        long[] times = log.times();
        int[] train = new int[log.size()];
        int[] test = new int[log.size()];
        int trainSize = 0;
        int testSize = 0;
        for (int row = 0; row < log.size(); row++) {
            if (times[row] < cut) {
                train[trainSize++] = row;
            } else {
                test[testSize++] = row;
            }
        }
        return new Fold(log.select(Arrays.copyOf(train, trainSize)), log.select(Arrays.copyOf(test, testSize)));
    }

    /**
     * Names the evaluation data so that two versions share a name only when they were measured on the same
     * interactions against the same history: the window, its size and where the history starts.
     */
    String holdOutName(int holdOutRows) {
        return String.format(Locale.ROOT, "temporal:%s..%s;interactions=%d;history-from=%s",
                Instant.ofEpochSecond(cut), Instant.ofEpochSecond(end), holdOutRows, Instant.ofEpochSecond(first));
    }
}
