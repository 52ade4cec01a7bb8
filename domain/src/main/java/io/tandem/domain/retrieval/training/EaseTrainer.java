package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.Cholesky;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.Retrieval;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.SparseRetrieval;
import io.tandem.domain.retrieval.UserHistory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * EASE (Steck 2019): the item-item weights {@code B} minimising {@code |X - XB|² + lambda |B|²} with a zero
 * diagonal, in closed form {@code B = I - P / diag(P)} with {@code P = (X^T X + lambda I)^-1} over binary X.
 * A user's scores are the sum of B's rows of the items the user has.
 */
public final class EaseTrainer {

    private final EaseParameters parameters;

    public EaseTrainer(EaseParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** The EASE weights learnt from {@code interactions}; {@code items} is not read. */
    public RetrievalModel train(InteractionMatrix interactions, ItemFacets items) {
        int n = interactions.itemCount();
        int[] solved = solvedItems(interactions.columnCounts(), parameters.maxItems());
        int m = solved.length;
        int[] position = new int[n];
        Arrays.fill(position, -1);
        for (int s = 0; s < m; s++) {
            position[solved[s]] = s;
        }
        float[][] gram = new float[m][m];
        InteractionMatrix byItem = interactions.transpose();
        int[] userItems = interactions.columns();
        int[] itemUsers = byItem.columns();
        // Row s of X^T X from the users of item solved[s]: each row is written by one task only.
        Rows.forEach(m, s -> {
            float[] row = gram[s];
            int item = solved[s];
            for (int p = byItem.rowStart(item); p < byItem.rowEnd(item); p++) {
                int user = itemUsers[p];
                for (int q = interactions.rowStart(user); q < interactions.rowEnd(user); q++) {
                    int other = position[userItems[q]];
                    if (other >= 0) {
                        row[other] += 1f;
                    }
                }
            }
            row[s] += (float) parameters.lambda();
        });
        Cholesky.invertInPlace(gram);
        // B = I - P / diag(P), written over P: row j of B is row j of P scaled column-wise.
        float[] scale = new float[m];
        for (int i = 0; i < m; i++) {
            scale[i] = -1f / gram[i][i];
        }
        Rows.forEach(m, j -> {
            float[] row = gram[j];
            for (int i = 0; i < m; i++) {
                row[i] *= scale[i];
            }
            row[j] = 0f;
        });
        return new EaseModel(position, m, gram);
    }

    /** The item indexes solved in closed form: all of them, or the most popular {@code maxItems} (ties by index). */
    static int[] solvedItems(int[] counts, int maxItems) {
        int n = counts.length;
        if (n <= maxItems) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        long[] keyed = new long[n];
        for (int item = 0; item < n; item++) {
            // Descending count, then ascending index, in one sortable long.
            keyed[item] = ((long) (Integer.MAX_VALUE - counts[item]) << 32) | item;
        }
        Arrays.sort(keyed);
        int[] kept = new int[maxItems];
        for (int r = 0; r < maxItems; r++) {
            kept[r] = (int) keyed[r];
        }
        Arrays.sort(kept);
        return kept;
    }

    /**
     * Dense item-item weights over the solved items. Items left out of the closed form score one below the
     * user's lowest solved score: last, tied among themselves, and still in the range of the other scores, so
     * features built from scores (ratios, standardised values) stay finite.
     */
    static final class EaseModel implements RetrievalModel {

        static final byte TAG = 4;

        private final int[] position;
        private final int m;
        private final float[][] weights;

        /** The solved items, ascending: {@code position[solved[s]] == s}. */
        private final int[] solved;

        EaseModel(int[] position, int m, float[][] weights) {
            this.position = position;
            this.m = m;
            this.weights = weights;
            this.solved = new int[m];
            for (int item = 0; item < position.length; item++) {
                if (position[item] >= 0) {
                    solved[position[item]] = item;
                }
            }
        }

        @Override
        public int itemCount() {
            return position.length;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(m);
            BinaryArrays.writeInts(out, position);
            for (float[] row : weights) {
                BinaryArrays.writeFloats(out, row);
            }
        }

        static EaseModel read(DataInputStream in) throws IOException {
            int m = in.readInt();
            int[] position = BinaryArrays.readInts(in);
            float[][] weights = new float[m][];
            for (int s = 0; s < m; s++) {
                weights[s] = BinaryArrays.readFloats(in);
            }
            return new EaseModel(position, m, weights);
        }

        @Override
        public void score(UserHistory history, float[] scores) {
            float[] sums = solvedSums(history);
            float unsolved = unsolved(sums);
            for (int item = 0; item < position.length; item++) {
                int s = position[item];
                scores[item] = s >= 0 ? sums[s] : unsolved;
            }
        }

        /** The solved items' scores and one shared score for the rest: no pass over every item. */
        @Override
        public Retrieval retrieve(UserHistory history, int depth, float[] buffer) {
            float[] sums = solvedSums(history);
            return SparseRetrieval.of(position.length, solved, sums, unsolved(sums), history, depth);
        }

        private float[] solvedSums(UserHistory history) {
            float[] sums = new float[m];
            for (int item : history.items()) {
                int s = position[item];
                if (s >= 0) {
                    float[] row = weights[s];
                    for (int i = 0; i < m; i++) {
                        sums[i] += row[i];
                    }
                }
            }
            return sums;
        }

        /** One below the lowest solved score (and below zero). */
        private static float unsolved(float[] sums) {
            float lowest = 0f;
            for (float sum : sums) {
                lowest = Math.min(lowest, sum);
            }
            return lowest - 1f;
        }
    }
}
