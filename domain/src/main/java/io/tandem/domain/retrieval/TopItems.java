package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;

/**
 * Picks the best-scored items of a score vector in O(n log k): the shared top-k of retrievers, rankers and
 * evaluation. Items scored {@code -Infinity} or NaN are excluded (that is how callers filter seen items); ties
 * go to the lower item index, so selections are reproducible.
 */
public final class TopItems {

    private TopItems() {
    }

    /** Up to {@code k} item indexes, best first. */
    public static int[] select(float[] scores, int k) {
        if (k < 0) {
            throw new InvalidFieldException("k", "must not be negative");
        }
        // A max-heap of the k best keys so far (score and index in one long, see key): the root is the weakest
        // kept item, and comparing two keys reads no score. Once the heap is full, an item must score at least
        // the weakest kept one: one comparison rejects most items (NaN fails it too). Items are visited in index
        // order, so an item tied with the weakest kept one has a higher index and loses the tie: strictly greater
        // is needed to enter.
        long[] heap = new long[Math.min(k, scores.length)];
        int size = 0;
        float floor = Float.NEGATIVE_INFINITY;
        for (int item = 0; item < scores.length; item++) {
            float score = scores[item];
            if (!(score > floor)) {
                continue;
            }
            long key = key(score, item);
            if (size < heap.length) {
                siftUp(heap, size++, key);
                if (size == heap.length) {
                    floor = scores[(int) heap[0]];
                }
            } else if (size > 0) {
                siftDown(heap, size, key);
                floor = scores[(int) heap[0]];
            }
        }
        Arrays.sort(heap, 0, size);
        int[] best = new int[size];
        for (int position = 0; position < size; position++) {
            best[position] = (int) heap[position];
        }
        return best;
    }

    /**
     * A key that orders items best first (a higher score, or the same score and a lower index), lowest key first:
     * the score's bits made sortable and flipped
     * (higher scores first) in the high half, the index in the low half (lower index first on a tie). Adding 0
     * turns -0 into 0, which {@code ==} holds equal.
     */
    private static long key(float score, int item) {
        int bits = Float.floatToIntBits(score + 0.0f);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~sortable << 32) | item;
    }

    private static void siftUp(long[] heap, int position, long key) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (heap[parent] >= key) {
                break;
            }
            heap[position] = heap[parent];
            position = parent;
        }
        heap[position] = key;
    }

    /** Replaces the root (the weakest kept) by {@code key} and restores the heap. */
    private static void siftDown(long[] heap, int size, long key) {
        int position = 0;
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= key) {
                break;
            }
            heap[position] = heap[child];
            position = child;
        }
        heap[position] = key;
    }
}
