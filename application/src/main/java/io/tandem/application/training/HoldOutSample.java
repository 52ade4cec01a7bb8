package io.tandem.application.training;

import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The hold-out users a training run measures its models on (ADR-0022, ADR-0029): those who meet an item they had
 * not interacted with before the cut, all of them up to {@code maxUsers}, a seeded sample of that many above. The
 * full ranking of every item for every hold-out user is the slowest part of a run on a large lake; a sample of a few
 * thousand users measures the same means within a small error, and the same seed draws the same users, so a
 * challenger and a champion are measured on the same sample.
 *
 * @param heldOut   the hold-out interactions of the measured users only
 * @param evaluable the users who meet a new item in the hold-out
 * @param measured  the users measured: {@code evaluable}, or {@code maxUsers} when that is fewer
 * @param name      the hold-out's name, with the sample when there is one: stored metrics compare only under the
 *                  same name
 */
record HoldOutSample(InteractionMatrix heldOut, int evaluable, int measured, String name) {

    /** Salt of the sample's shuffle, so it draws independently of the other seeded choices of a run. */
    private static final long SALT = 0x6A09E667F3BCC909L;

    /**
     * @param holdOutName the cut's name of the whole hold-out
     * @param maxUsers    at most this many users are measured; 0 for every evaluable user
     */
    static HoldOutSample of(InteractionMatrix history, InteractionLog heldOutLog, String holdOutName, int maxUsers,
                            long seed) {
        InteractionMatrix heldOut = InteractionMatrix.of(heldOutLog);
        int[] evaluable = evaluableUsers(history, heldOut);
        if (maxUsers == 0 || evaluable.length <= maxUsers) {
            return new HoldOutSample(heldOut, evaluable.length, evaluable.length, holdOutName);
        }
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        for (int p = evaluable.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int swap = evaluable[p];
            evaluable[p] = evaluable[q];
            evaluable[q] = swap;
        }
        boolean[] kept = new boolean[heldOutLog.userCount()];
        for (int u = 0; u < maxUsers; u++) {
            kept[evaluable[u]] = true;
        }
        int[] users = heldOutLog.users();
        InteractionLog sampled = heldOutLog.select(IntStream.range(0, heldOutLog.size())
                .filter(row -> kept[users[row]]).toArray());
        String name = String.format(Locale.ROOT, "%s;users=%d-of-%d;seed=%d", holdOutName, maxUsers,
                evaluable.length, seed);
        return new HoldOutSample(InteractionMatrix.of(sampled), evaluable.length, maxUsers, name);
    }

    boolean sampled() {
        return measured < evaluable;
    }

    /** Users with at least one hold-out item they had not interacted with before the cut, in index order. */
    private static int[] evaluableUsers(InteractionMatrix history, InteractionMatrix heldOut) {
        int[] columns = heldOut.columns();
        return IntStream.range(0, heldOut.userCount()).filter(user -> {
            for (int p = heldOut.rowStart(user); p < heldOut.rowEnd(user); p++) {
                if (!history.contains(user, columns[p])) {
                    return true;
                }
            }
            return false;
        }).toArray();
    }

    /** In words, for progress and reports. */
    String describe() {
        return sampled() ? String.format(Locale.ROOT, "%,d of %,d users (seeded sample)", measured, evaluable)
                : String.format(Locale.ROOT, "%,d users", measured);
    }
}
