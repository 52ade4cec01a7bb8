package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.InteractionLog;

import java.util.Arrays;

/**
 * Holds out each user's latest {@code testFraction} of interactions (by time, ties in log order): the model
 * predicts what a user does next from what the user did before. A user keeps at least one training row.
 */
public record TemporalSplit(double testFraction) implements Split {

    public TemporalSplit {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new InvalidFieldException("testFraction", "must be between 0 and 1");
        }
    }

    @Override
    public Fold split(InteractionLog log) {
        UserRows byUser = new UserRows(log);
        long[] times = log.times();
        int[] train = new int[log.size()];
        int[] test = new int[log.size()];
        int trainSize = 0;
        int testSize = 0;
        for (int user = 0; user < log.userCount(); user++) {
            int from = byUser.starts[user];
            int to = byUser.starts[user + 1];
            Integer[] rows = new Integer[to - from];
            for (int p = from; p < to; p++) {
                rows[p - from] = byUser.rows[p];
            }
            // Stable sort by time keeps log order among equal times.
            Arrays.sort(rows, (a, b) -> Long.compare(times[a], times[b]));
            int keep = rows.length - UserRows.heldOut(rows.length, testFraction);
            for (int p = 0; p < rows.length; p++) {
                if (p < keep) {
                    train[trainSize++] = rows[p];
                } else {
                    test[testSize++] = rows[p];
                }
            }
        }
        return new Fold(log.select(Arrays.copyOf(train, trainSize)), log.select(Arrays.copyOf(test, testSize)));
    }
}
