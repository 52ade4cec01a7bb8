package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.Objects;

/** The items a user went on to choose in the test period, as sorted distinct indexes; metrics count hits in it. */
public final class RelevantItems {

    private final int[] items;

    private RelevantItems(int[] items) {
        this.items = items;
    }

    /** The distinct items of {@code items}, in any order and with repeats. */
    public static RelevantItems of(int... items) {
        Objects.requireNonNull(items, "items");
        int[] sorted = Arrays.stream(items).sorted().distinct().toArray();
        if (sorted.length > 0 && sorted[0] < 0) {
            throw new InvalidFieldException("relevant", "item indexes must not be negative");
        }
        return new RelevantItems(sorted);
    }

    public boolean contains(int item) {
        return Arrays.binarySearch(items, item) >= 0;
    }

    public int size() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    int itemAt(int position) {
        return items[position];
    }
}
