package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.Objects;

/**
 * One user's positive interactions as the models read them: item indexes in ascending order, each once, with
 * the summed value and the latest time (epoch seconds) of the interactions on it. Training takes it from a row of
 * the {@link InteractionMatrix}; serving builds it from the online store, so both score a user through the same
 * code. Arrays are exposed for speed and must not be changed.
 */
public record UserHistory(int[] items, float[] values, long[] times) {

    private static final UserHistory EMPTY = new UserHistory(new int[0], new float[0], new long[0]);

    public UserHistory {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(times, "times");
        if (values.length != items.length || times.length != items.length) {
            throw new InvalidFieldException("history", "needs one value and one time per item");
        }
        for (int k = 1; k < items.length; k++) {
            if (items[k] <= items[k - 1]) {
                throw new InvalidFieldException("history.items", "must be ascending and distinct");
            }
        }
    }

    /** The history of a user with no positive interaction. */
    public static UserHistory empty() {
        return EMPTY;
    }

    /** Row {@code user} of {@code matrix}. */
    public static UserHistory of(InteractionMatrix matrix, int user) {
        int from = matrix.rowStart(user);
        int to = matrix.rowEnd(user);
        return new UserHistory(Arrays.copyOfRange(matrix.columns(), from, to),
                Arrays.copyOfRange(matrix.values(), from, to), Arrays.copyOfRange(matrix.times(), from, to));
    }

    public int size() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    /** True when the user interacted with {@code item}. */
    public boolean contains(int item) {
        return Arrays.binarySearch(items, item) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserHistory that && Arrays.equals(items, that.items)
                && Arrays.equals(values, that.values) && Arrays.equals(times, that.times);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(items) + Arrays.hashCode(values)) + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "UserHistory" + Arrays.toString(items);
    }
}
