package io.tandem.domain.evaluation;

import io.tandem.domain.retrieval.InteractionLog;

import java.util.Arrays;

/** The rows of an interaction log grouped by user (counting sort), each group in log order. */
final class UserRows {

    final int[] starts;
    final int[] rows;

    UserRows(InteractionLog log) {
        int users = log.userCount();
        starts = new int[users + 1];
        for (int user : log.users()) {
            starts[user + 1]++;
        }
        for (int u = 0; u < users; u++) {
            starts[u + 1] += starts[u];
        }
        int[] next = Arrays.copyOf(starts, users);
        rows = new int[log.size()];
        for (int row = 0; row < log.size(); row++) {
            rows[next[log.users()[row]]++] = row;
        }
    }

    /** How many of {@code n} rows a user holds out at {@code fraction}: rounded, and never all of them. */
    static int heldOut(int n, double fraction) {
        return Math.min(n - 1, (int) Math.round(n * fraction));
    }
}
