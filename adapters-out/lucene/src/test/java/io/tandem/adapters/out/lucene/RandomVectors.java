package io.tandem.adapters.out.lucene;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.retrieval.ItemVectors;
import io.tandem.domain.retrieval.TopItems;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded Gaussian vectors and the exact top-k they are measured against. */
final class RandomVectors {

    private RandomVectors() {
    }

    /** {@code count} vectors of {@code dimension} standard normal values, row-major. */
    static float[] gaussian(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count * dimension];
        for (int p = 0; p < values.length; p++) {
            values[p] = (float) random.nextGaussian();
        }
        return values;
    }

    static List<ItemId> ids(int count) {
        List<ItemId> ids = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ids.add(ItemId.of("item-" + k));
        }
        return ids;
    }

    static ItemVectors items(int count, int dimension, long seed) {
        return new ItemVectors(ids(count), dimension, gaussian(count, dimension, seed));
    }

    /** Row {@code row} of a row-major table. */
    static float[] row(float[] table, int row, int dimension) {
        float[] vector = new float[dimension];
        System.arraycopy(table, row * dimension, vector, 0, dimension);
        return vector;
    }

    static double dot(float[] query, float[] table, int row) {
        int d = query.length;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            sum += (double) query[k] * table[row * d + k];
        }
        return sum;
    }

    static double cosine(float[] query, float[] table, int row) {
        int d = query.length;
        double qq = 0;
        double rr = 0;
        for (int k = 0; k < d; k++) {
            qq += (double) query[k] * query[k];
            rr += (double) table[row * d + k] * table[row * d + k];
        }
        return dot(query, table, row) / Math.sqrt(qq * rr);
    }

    /** The exact top {@code k} rows by dot product, by scanning all of them. */
    static int[] exactTopByDot(float[] query, float[] table, int k) {
        float[] scores = new float[table.length / query.length];
        for (int row = 0; row < scores.length; row++) {
            scores[row] = (float) dot(query, table, row);
        }
        return TopItems.select(scores, k);
    }
}
