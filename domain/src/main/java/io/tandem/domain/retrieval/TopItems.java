package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

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
        // A min-heap of the k best so far; the root is the weakest kept item.
        int[] heap = new int[Math.min(k, scores.length)];
        int size = 0;
        // Once the heap is full, an item must score at least the weakest kept one: one comparison rejects most
        // items (NaN fails it too). Items are visited in index order, so an item tied with the weakest kept one
        // has a higher index and loses the tie: strictly greater is needed to enter.
        float floor = Float.NEGATIVE_INFINITY;
        for (int item = 0; item < scores.length; item++) {
            float score = scores[item];
            if (!(score > floor)) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = item;
                siftUp(heap, size++, scores);
                if (size == heap.length) {
                    floor = scores[heap[0]];
                }
            } else if (size > 0) {
                heap[0] = item;
                siftDown(heap, size, scores);
                floor = scores[heap[0]];
            }
        }
        int[] best = new int[size];
        for (int position = size - 1; position >= 0; position--) {
            best[position] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores);
        }
        return best;
    }

    /** True when {@code a} ranks above {@code b}: a higher score, or the same score and a lower index. */
    static boolean better(int a, int b, float[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int position, float[] scores) {
        int item = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!better(heap[parent], item, scores)) {
                break;
            }
            heap[position] = heap[parent];
            position = parent;
        }
        heap[position] = item;
    }

    private static void siftDown(int[] heap, int size, float[] scores) {
        if (size == 0) {
            return;
        }
        int item = heap[0];
        int position = 0;
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!better(item, heap[child], scores)) {
                break;
            }
            heap[position] = heap[child];
            position = child;
        }
        heap[position] = item;
    }
}
