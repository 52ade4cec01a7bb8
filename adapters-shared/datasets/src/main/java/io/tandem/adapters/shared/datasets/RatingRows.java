package io.tandem.adapters.shared.datasets;

import io.tandem.domain.retrieval.InteractionLog;

import java.util.Arrays;

/** Interactions collected while reading a file, before the final number of users and items is known. */
final class RatingRows {

    private int[] users = new int[1024];
    private int[] items = new int[1024];
    private float[] values = new float[1024];
    private long[] times = new long[1024];
    private int size;

    void add(int user, int item, float value, long time) {
        if (size == users.length) {
            int capacity = size * 2;
            users = Arrays.copyOf(users, capacity);
            items = Arrays.copyOf(items, capacity);
            values = Arrays.copyOf(values, capacity);
            times = Arrays.copyOf(times, capacity);
        }
        users[size] = user;
        items[size] = item;
        values[size] = value;
        times[size] = time;
        size++;
    }

    int size() {
        return size;
    }

    InteractionLog toLog(int userCount, int itemCount) {
        return new InteractionLog(userCount, itemCount, Arrays.copyOf(users, size), Arrays.copyOf(items, size),
                Arrays.copyOf(values, size), Arrays.copyOf(times, size));
    }
}
