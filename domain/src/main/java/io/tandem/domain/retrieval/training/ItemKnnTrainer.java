package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.Retrieval;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.SparseRetrieval;
import io.tandem.domain.retrieval.TopItems;
import io.tandem.domain.retrieval.UserHistory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Item-to-item neighbours by co-occurrence cosine, {@code |U_i ∩ U_j| / (sqrt(|U_i| |U_j|) + shrink)}, keeping
 * each item's top-K. A user's score for item i sums the similarities of i's neighbours that the user has.
 */
public final class ItemKnnTrainer {

    private final ItemKnnParameters parameters;

    public ItemKnnTrainer(ItemKnnParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** Each item's nearest neighbours in {@code interactions}; {@code items} is not read. */
    public RetrievalModel train(InteractionMatrix interactions, ItemFacets items) {
        int n = interactions.itemCount();
        int k = Math.min(parameters.neighbours(), Math.max(1, n - 1));
        InteractionMatrix byItem = interactions.transpose();
        int[] counts = interactions.columnCounts();
        int[] neighbours = new int[n * k];
        float[] similarities = new float[n * k];
        int[] lengths = new int[n];
        int[] userItems = interactions.columns();
        int[] itemUsers = byItem.columns();
        // Per-thread scratch: the co-occurrence counts of one item with every other and the items they touched.
        ThreadLocal<int[][]> scratch = ThreadLocal.withInitial(() -> new int[][] {new int[n], new int[n]});
        Rows.forEach(n, item -> {
            if (counts[item] == 0) {
                return;
            }
            int[][] buffers = scratch.get();
            int[] together = buffers[0];
            int[] touched = buffers[1];
            int size = 0;
            // Co-occurrence counts of this item with every other item, over the users who have it.
            for (int p = byItem.rowStart(item); p < byItem.rowEnd(item); p++) {
                int user = itemUsers[p];
                for (int q = interactions.rowStart(user); q < interactions.rowEnd(user); q++) {
                    int other = userItems[q];
                    if (together[other]++ == 0) {
                        touched[size++] = other;
                    }
                }
            }
            // Only items met together can be neighbours: scoring them in index order selects exactly what a pass
            // over every item would (ties go to the lower index either way), at the cost of the pairs met.
            Arrays.sort(touched, 0, size);
            int[] others = new int[size];
            float[] cosine = new float[size];
            int m = 0;
            double own = Math.sqrt(counts[item]);
            for (int t = 0; t < size; t++) {
                int other = touched[t];
                if (other != item) {
                    others[m] = other;
                    cosine[m++] = (float) (together[other] / (own * Math.sqrt(counts[other]) + parameters.shrink()));
                }
                together[other] = 0;
            }
            int[] best = TopItems.select(m == size ? cosine : Arrays.copyOf(cosine, m), k);
            for (int r = 0; r < best.length; r++) {
                neighbours[item * k + r] = others[best[r]];
                similarities[item * k + r] = cosine[best[r]];
            }
            lengths[item] = best.length;
        });
        return ItemNeighbours.of(k, neighbours, similarities, lengths);
    }

    /**
     * The neighbour lists turned around: for every item j, the items that have j among their top-K, with the
     * similarity. A user's scores then cost the sum of those lists over the history instead of a pass over every
     * item's neighbours.
     */
    static final class ItemNeighbours implements RetrievalModel {

        static final byte TAG = 2;

        private final int[] starts;
        private final int[] targets;
        private final float[] similarities;

        private ItemNeighbours(int[] starts, int[] targets, float[] similarities) {
            this.starts = starts;
            this.targets = targets;
            this.similarities = similarities;
        }

        static ItemNeighbours of(int k, int[] neighbours, float[] similarities, int[] lengths) {
            int n = lengths.length;
            int[] starts = new int[n + 1];
            for (int item = 0; item < n; item++) {
                for (int r = 0; r < lengths[item]; r++) {
                    starts[neighbours[item * k + r] + 1]++;
                }
            }
            for (int item = 0; item < n; item++) {
                starts[item + 1] += starts[item];
            }
            int[] next = Arrays.copyOf(starts, n);
            int[] targets = new int[starts[n]];
            float[] inverted = new float[starts[n]];
            for (int item = 0; item < n; item++) {
                for (int r = 0; r < lengths[item]; r++) {
                    int neighbour = neighbours[item * k + r];
                    int at = next[neighbour]++;
                    targets[at] = item;
                    inverted[at] = similarities[item * k + r];
                }
            }
            return new ItemNeighbours(starts, targets, inverted);
        }

        void write(DataOutputStream out) throws IOException {
            BinaryArrays.writeInts(out, starts);
            BinaryArrays.writeInts(out, targets);
            BinaryArrays.writeFloats(out, similarities);
        }

        static ItemNeighbours read(DataInputStream in) throws IOException {
            int[] starts = BinaryArrays.readInts(in);
            int[] targets = BinaryArrays.readInts(in);
            float[] similarities = BinaryArrays.readFloats(in);
            if (starts.length == 0 || targets.length != starts[starts.length - 1]
                    || similarities.length != targets.length) {
                throw new IOException("inconsistent item-kNN lists");
            }
            return new ItemNeighbours(starts, targets, similarities);
        }

        @Override
        public int itemCount() {
            return starts.length - 1;
        }

        @Override
        public void score(UserHistory history, float[] scores) {
            Arrays.fill(scores, 0f);
            for (int had : history.items()) {
                for (int at = starts[had]; at < starts[had + 1]; at++) {
                    scores[targets[at]] += similarities[at];
                }
            }
        }

        /**
         * Only the neighbours of the history are scored (summed in the order {@link #score} sums them, so to the
         * same floats); every other item scores 0.
         */
        @Override
        public Retrieval retrieve(UserHistory history, int depth, float[] buffer) {
            int touches = 0;
            for (int had : history.items()) {
                touches += starts[had + 1] - starts[had];
            }
            // Open addressing over item + 1 (0 = empty), at most half full.
            int capacity = Integer.highestOneBit(Math.max(4, touches * 2) - 1) << 1;
            int mask = capacity - 1;
            int[] keys = new int[capacity];
            float[] sums = new float[capacity];
            int distinct = 0;
            for (int had : history.items()) {
                for (int at = starts[had]; at < starts[had + 1]; at++) {
                    int target = targets[at];
                    int slot = (target * 0x9E3779B9 >>> 7) & mask;
                    while (keys[slot] != 0 && keys[slot] != target + 1) {
                        slot = (slot + 1) & mask;
                    }
                    if (keys[slot] == 0) {
                        keys[slot] = target + 1;
                        distinct++;
                    }
                    sums[slot] += similarities[at];
                }
            }
            long[] keyed = new long[distinct];
            int size = 0;
            for (int slot = 0; slot < capacity; slot++) {
                if (keys[slot] != 0) {
                    keyed[size++] = ((long) (keys[slot] - 1) << 32) | slot;
                }
            }
            Arrays.sort(keyed);
            int[] items = new int[distinct];
            float[] values = new float[distinct];
            for (int k = 0; k < distinct; k++) {
                items[k] = (int) (keyed[k] >>> 32);
                values[k] = sums[(int) keyed[k]];
            }
            return SparseRetrieval.of(itemCount(), items, values, 0f, history, depth);
        }
    }
}
