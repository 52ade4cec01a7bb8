package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * Dense user and item vectors of one dimension, row-major ({@code users[u * dimension + d]}), whose dot product
 * a factor model scores by; similarity features and nearest-neighbour indexes read them.
 */
public record Embeddings(int dimension, float[] users, float[] items) {

    public Embeddings {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        if (dimension < 1 || users.length % dimension != 0 || items.length % dimension != 0) {
            throw new InvalidFieldException("embeddings", "need a positive dimension that divides both tables");
        }
    }

    public int itemCount() {
        return items.length / dimension;
    }

    /** Cosine similarity of user {@code user} and item {@code item}; 0 when either vector is zero. */
    public double userItemCosine(int user, int item) {
        return cosine(users, user * dimension, items, item * dimension, dimension);
    }

    /** Cosine similarity of a free vector (for example a mean of item vectors) and item {@code item}. */
    public double cosineToItem(float[] vector, int item) {
        if (vector.length != dimension) {
            throw new InvalidFieldException("vector", "has " + vector.length + " values, expected " + dimension);
        }
        return cosine(vector, 0, items, item * dimension, dimension);
    }

    private static double cosine(float[] a, int aOffset, float[] b, int bOffset, int length) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int d = 0; d < length; d++) {
            double x = a[aOffset + d];
            double y = b[bOffset + d];
            dot += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
    }
}
