package io.tandem.application.training;

import io.tandem.domain.retrieval.InteractionLog;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** A seeded sample of a log's users, so that a measurement over a large hold-out stays bounded. */
final class UserSample {

    private UserSample() {
    }

    /** The rows of at most {@code limit} users of {@code log}, chosen by a seeded shuffle when there are more. */
    static InteractionLog of(InteractionLog log, int limit, long seed) {
        int[] users = Arrays.stream(log.users()).distinct().sorted().toArray();
        if (users.length <= limit) {
            return log;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        for (int p = users.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int swap = users[p];
            users[p] = users[q];
            users[q] = swap;
        }
        boolean[] kept = new boolean[log.userCount()];
        for (int u = 0; u < limit; u++) {
            kept[users[u]] = true;
        }
        return log.select(IntStream.range(0, log.size()).filter(row -> kept[log.users()[row]]).toArray());
    }
}
