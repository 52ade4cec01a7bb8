package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * Interactions as parallel primitive columns (user index, item index, value, time in epoch seconds), the raw
 * material that splits cut and matrices are built from. Indexes are dense: users in {@code 0..userCount-1},
 * items in {@code 0..itemCount-1}. The arrays are shared, not copied: nobody may change them afterwards.
 */
public record InteractionLog(int userCount, int itemCount, int[] users, int[] items, float[] values, long[] times) {

    public InteractionLog {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(times, "times");
        if (userCount < 0 || itemCount < 0) {
            throw new InvalidFieldException("interactions", "user and item counts must not be negative");
        }
        int n = users.length;
        if (items.length != n || values.length != n || times.length != n) {
            throw new InvalidFieldException("interactions", "users, items, values and times must be equally long");
        }
        for (int row = 0; row < n; row++) {
            if (users[row] < 0 || users[row] >= userCount) {
                throw new InvalidFieldException("interactions.user", "index " + users[row] + " at row " + row
                        + " is outside 0.." + (userCount - 1));
            }
            if (items[row] < 0 || items[row] >= itemCount) {
                throw new InvalidFieldException("interactions.item", "index " + items[row] + " at row " + row
                        + " is outside 0.." + (itemCount - 1));
            }
            if (!Float.isFinite(values[row])) {
                throw new InvalidFieldException("interactions.value", "must be finite at row " + row);
            }
        }
    }

    public int size() {
        return users.length;
    }

    /** The rows at {@code rows} (in that order), over the same users and items. */
    public InteractionLog select(int[] rows) {
        int n = rows.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            int row = rows[k];
            u[k] = users[row];
            i[k] = items[row];
            v[k] = values[row];
            t[k] = times[row];
        }
        return new InteractionLog(userCount, itemCount, u, i, v, t);
    }
}
