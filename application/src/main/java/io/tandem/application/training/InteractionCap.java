package io.tandem.application.training;

import io.tandem.domain.retrieval.InteractionLog;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Degrades a lake larger than {@link TrainingLimits#maxInteractions()} by seeded sampling of users (ADR-0029): users
 * in a seeded random order are kept whole, with every interaction of theirs, while the total stays within the cap.
 * Keeping whole histories keeps what the retrievers learn from (co-occurrence within a user) and the time cut
 * intact; dropping random rows instead would thin every history. The item index is unchanged, so the catalogue
 * the models rank stays the lake's.
 *
 * @param log     the interactions a run trains on: the lake's, or the sample
 * @param message empty when nothing was dropped, otherwise what was kept, in words
 */
record InteractionCap(InteractionLog log, String message) {

    private static final long SALT = 0xBB67AE8584CAA73BL;

    static InteractionCap of(InteractionLog lake, int maxInteractions, long seed) {
        if (lake.size() <= maxInteractions) {
            return new InteractionCap(lake, "");
        }
        int[] perUser = new int[lake.userCount()];
        for (int user : lake.users()) {
            perUser[user]++;
        }
        int[] order = IntStream.range(0, lake.userCount()).toArray();
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        for (int p = order.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int swap = order[p];
            order[p] = order[q];
            order[q] = swap;
        }
        boolean[] kept = new boolean[lake.userCount()];
        long total = 0;
        int users = 0;
        for (int user : order) {
            if (total + perUser[user] <= maxInteractions) {
                kept[user] = true;
                total += perUser[user];
                users++;
            }
        }
        int[] rows = lake.users();
        InteractionLog sample = lake.select(IntStream.range(0, lake.size()).filter(row -> kept[rows[row]]).toArray());
        return new InteractionCap(sample, String.format(Locale.ROOT, "the lake holds %,d positive interactions, "
                + "more than tandem.training.max-interactions (%,d): training on a seeded sample of %,d of %,d users "
                + "(%,d interactions), whole histories kept", lake.size(), maxInteractions, users,
                lake.userCount(), sample.size()));
    }

    boolean sampled() {
        return !message.isEmpty();
    }
}
