package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.ComputedRetrieval;
import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.Retrieval;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Item vectors reordered by descending length (ties by index), with their lengths, and the sum and Gram
 * matrix of all item vectors: the exact top lists of {@link FactorModel#retrieve} that stop early.
 */
final class NormOrder {

    /** Covers the rounding of a float dot product of up to a few hundred dimensions. */
    private static final double BOUND_SLACK = 1.0 + 1e-4;
    /** Rows whose dot products are computed together. */
    private static final int BLOCK = 4;

    private final float[] items;
    private final int f;
    private final int[] order;
    private final double[] lengths;
    private final float[] rows;
    private final double[] sum;
    private final double[] gram;

    NormOrder(Embeddings embeddings) {
        this.items = embeddings.items();
        this.f = embeddings.dimension();
        int n = embeddings.itemCount();
        double[] length = new double[n];
        sum = new double[f];
        gram = new double[f * f];
        for (int item = 0; item < n; item++) {
            int at = item * f;
            double squares = 0;
            for (int a = 0; a < f; a++) {
                double va = items[at + a];
                squares += va * va;
                sum[a] += va;
                for (int b = 0; b < f; b++) {
                    gram[a * f + b] += va * items[at + b];
                }
            }
            length[item] = Math.sqrt(squares);
        }
        order = IntStream.range(0, n).boxed()
                .sorted((x, y) -> length[x] != length[y] ? Double.compare(length[y], length[x])
                        : Integer.compare(x, y))
                .mapToInt(Integer::intValue).toArray();
        lengths = new double[n];
        rows = new float[n * f];
        for (int p = 0; p < n; p++) {
            lengths[p] = length[order[p]];
            System.arraycopy(items, order[p] * f, rows, p * f, f);
        }
    }

    Retrieval retrieve(float[] user, int[] had, int depth) {
        int n = order.length;
        double userLength = 0;
        for (float value : user) {
            userLength += (double) value * value;
        }
        userLength = Math.sqrt(userLength) * BOUND_SLACK;
        int capacity = Math.min(depth, n);
        int[] heapItems = new int[capacity];
        float[] heapScores = new float[capacity];
        int size = 0;
        float[] block = new float[BLOCK];
        int blockStart = -BLOCK;
        for (int p = 0; p < n; p++) {
            if (size == capacity && (capacity == 0 || userLength * lengths[p] < heapScores[0])) {
                break;
            }
            if (p >= blockStart + BLOCK) {
                // Dot products a block at a time: independent sums the core overlaps, each still in dimension
                // order. Those past the stop are computed and never read.
                blockStart = p;
                dots(user, p, Math.min(BLOCK, n - p), block);
            }
            int item = order[p];
            float score = block[p - blockStart];
            // The history is looked up only for an item that would enter the list: most items do not.
            if (Float.isNaN(score) || (size == capacity && !better(score, item, heapScores[0], heapItems[0]))
                    || Arrays.binarySearch(had, item) >= 0) {
                continue;
            }
            if (size < capacity) {
                heapItems[size] = item;
                heapScores[size] = score;
                siftUp(heapItems, heapScores, size++);
            } else {
                heapItems[0] = item;
                heapScores[0] = score;
                siftDown(heapItems, heapScores, size);
            }
        }
        int[] top = new int[size];
        for (int position = size - 1; position >= 0; position--) {
            top[position] = heapItems[0];
            heapItems[0] = heapItems[size - 1];
            heapScores[0] = heapScores[size - 1];
            size--;
            siftDown(heapItems, heapScores, size);
        }
        double total = 0;
        double squares = 0;
        for (int a = 0; a < f; a++) {
            total += user[a] * sum[a];
            double row = 0;
            for (int b = 0; b < f; b++) {
                row += gram[a * f + b] * user[b];
            }
            squares += user[a] * row;
        }
        for (int seen : had) {
            double score = dot(user, items, seen * f);
            total -= score;
            squares -= score * score;
        }
        long count = (long) n - had.length;
        float mean = count > 0 ? (float) (total / count) : 0f;
        float deviation = count > 0
                ? (float) Math.sqrt(Math.max(squares / count - (total / count) * (total / count), 0)) : 0f;
        return new ComputedRetrieval(item -> dot(user, items, item * f), top, mean, deviation);
    }

    /** {@link #dot} of {@code user} with the {@code count} (at most {@link #BLOCK}) rows from position {@code p}. */
    private void dots(float[] user, int p, int count, float[] out) {
        if (count < BLOCK) {
            for (int k = 0; k < count; k++) {
                out[k] = dot(user, rows, (p + k) * f);
            }
            return;
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int a0 = p * f;
        int a1 = a0 + f;
        int a2 = a1 + f;
        int a3 = a2 + f;
        for (int d = 0; d < f; d++) {
            float u = user[d];
            s0 += u * rows[a0 + d];
            s1 += u * rows[a1 + d];
            s2 += u * rows[a2 + d];
            s3 += u * rows[a3 + d];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
    }

    /** The dot product in dimension order, as {@link FactorModel#score} sums it. */
    private float dot(float[] user, float[] vectors, int at) {
        float sum = 0;
        for (int d = 0; d < f; d++) {
            sum += user[d] * vectors[at + d];
        }
        return sum;
    }

    /** A higher score, or the same score and a lower index (the order of {@code TopItems}). */
    private static boolean better(float score, int item, float otherScore, int other) {
        return score > otherScore || (score == otherScore && item < other);
    }

    private static void siftUp(int[] items, float[] scores, int position) {
        int item = items[position];
        float score = scores[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!better(scores[parent], items[parent], score, item)) {
                break;
            }
            items[position] = items[parent];
            scores[position] = scores[parent];
            position = parent;
        }
        items[position] = item;
        scores[position] = score;
    }

    private static void siftDown(int[] items, float[] scores, int size) {
        if (size == 0) {
            return;
        }
        int item = items[0];
        float score = scores[0];
        int position = 0;
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(scores[child], items[child], scores[child + 1], items[child + 1])) {
                child++;
            }
            if (!better(score, item, scores[child], items[child])) {
                break;
            }
            items[position] = items[child];
            scores[position] = scores[child];
            position = child;
        }
        items[position] = item;
        scores[position] = score;
    }
}
