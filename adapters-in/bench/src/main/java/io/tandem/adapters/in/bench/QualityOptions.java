package io.tandem.adapters.in.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How {@code bench quality} runs each split.
 *
 * @param seed         of the random splits, the ranker (the train job gets it as {@code tandem.training.seed}) and
 *                     the user sample
 * @param via          how events go in: {@code http} or {@code kafka}
 * @param users        a sample of that many test users, or null for all of them
 * @param concurrency  recommendation requests in flight at once
 * @param timeoutMs    client timeout of each recommendation request
 * @param trainMinutes how long the train job may take
 */
record QualityOptions(long seed, String via, Integer users, int concurrency, int timeoutMs, int trainMinutes) {

    /** The asked users: all test users, or a seeded sample of {@code users} of them in ascending order. */
    int[] sample(int[] testUsers) {
        if (users == null || users >= testUsers.length) {
            return testUsers;
        }
        int[] shuffled = testUsers.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int[] chosen = Arrays.copyOf(shuffled, users);
        Arrays.sort(chosen);
        return chosen;
    }
}
