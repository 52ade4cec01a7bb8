package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.InteractionLog;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Holds out a random {@code testFraction} of each user's interactions, drawn from {@code seed} so the same log
 * always splits the same way. A user keeps at least one training row.
 */
public record RandomSplit(double testFraction, long seed) implements Split {

    public RandomSplit {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new InvalidFieldException("testFraction", "must be between 0 and 1");
        }
    }

    @Override
    public Fold split(InteractionLog log) {
        UserRows byUser = new UserRows(log);
        SplittableRandom random = new SplittableRandom(seed);
        int[] train = new int[log.size()];
        int[] test = new int[log.size()];
        int trainSize = 0;
        int testSize = 0;
        for (int user = 0; user < log.userCount(); user++) {
            int from = byUser.starts[user];
            int n = byUser.starts[user + 1] - from;
            if (n == 0) {
                // A user the log indexes without rows here (the train job's hold-out-only users).
                continue;
            }
            int[] rows = Arrays.copyOfRange(byUser.rows, from, from + n);
            // Fisher-Yates: the first `held` rows after shuffling are held out.
            for (int p = n - 1; p > 0; p--) {
                int q = random.nextInt(p + 1);
                int swap = rows[p];
                rows[p] = rows[q];
                rows[q] = swap;
            }
            int held = UserRows.heldOut(n, testFraction);
            Arrays.sort(rows, 0, held);
            Arrays.sort(rows, held, n);
            for (int p = 0; p < n; p++) {
                if (p < held) {
                    test[testSize++] = rows[p];
                } else {
                    train[trainSize++] = rows[p];
                }
            }
        }
        return new Fold(log.select(Arrays.copyOf(train, trainSize)), log.select(Arrays.copyOf(test, testSize)));
    }
}
