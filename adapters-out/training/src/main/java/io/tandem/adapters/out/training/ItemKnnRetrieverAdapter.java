package io.tandem.adapters.out.training;

import io.tandem.application.port.out.TrainRetrieverPort;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.TopItems;

import java.util.Arrays;
import java.util.Objects;

/**
 * Item-to-item neighbours by co-occurrence cosine, {@code |U_i ∩ U_j| / (sqrt(|U_i| |U_j|) + shrink)}, keeping
 * each item's top-K. A user's score for item i sums the similarities of i's neighbours that the user has.
 */
public final class ItemKnnRetrieverAdapter implements TrainRetrieverPort {

    private final ItemKnnParameters parameters;

    public ItemKnnRetrieverAdapter(ItemKnnParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
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
        Rows.forEach(n, item -> {
            if (counts[item] == 0) {
                return;
            }
            // Co-occurrence counts of this item with every other item, over the users who have it.
            int[] together = new int[n];
            for (int p = byItem.rowStart(item); p < byItem.rowEnd(item); p++) {
                int user = itemUsers[p];
                for (int q = interactions.rowStart(user); q < interactions.rowEnd(user); q++) {
                    together[userItems[q]]++;
                }
            }
            float[] cosine = new float[n];
            Arrays.fill(cosine, Float.NEGATIVE_INFINITY);
            double own = Math.sqrt(counts[item]);
            for (int other = 0; other < n; other++) {
                if (other != item && together[other] > 0) {
                    cosine[other] = (float) (together[other] / (own * Math.sqrt(counts[other]) + parameters.shrink()));
                }
            }
            int[] best = TopItems.select(cosine, k);
            for (int r = 0; r < best.length; r++) {
                neighbours[item * k + r] = best[r];
                similarities[item * k + r] = cosine[best[r]];
            }
            lengths[item] = best.length;
        });
        return new ItemNeighbours(interactions, k, neighbours, similarities, lengths);
    }

    /**
     * The neighbour lists turned around: for every item j, the items that have j among their top-K, with the
     * similarity. A user's scores then cost the sum of those lists over the history instead of a pass over every
     * item's neighbours.
     */
    private static final class ItemNeighbours implements RetrievalModel {

        private final InteractionMatrix interactions;
        private final int[] starts;
        private final int[] targets;
        private final float[] similarities;

        ItemNeighbours(InteractionMatrix interactions, int k, int[] neighbours, float[] similarities, int[] lengths) {
            this.interactions = interactions;
            int n = lengths.length;
            starts = new int[n + 1];
            for (int item = 0; item < n; item++) {
                for (int r = 0; r < lengths[item]; r++) {
                    starts[neighbours[item * k + r] + 1]++;
                }
            }
            for (int item = 0; item < n; item++) {
                starts[item + 1] += starts[item];
            }
            int[] next = Arrays.copyOf(starts, n);
            targets = new int[starts[n]];
            this.similarities = new float[starts[n]];
            for (int item = 0; item < n; item++) {
                for (int r = 0; r < lengths[item]; r++) {
                    int neighbour = neighbours[item * k + r];
                    int at = next[neighbour]++;
                    targets[at] = item;
                    this.similarities[at] = similarities[item * k + r];
                }
            }
        }

        @Override
        public int itemCount() {
            return starts.length - 1;
        }

        @Override
        public void score(int user, float[] scores) {
            Arrays.fill(scores, 0f);
            int[] columns = interactions.columns();
            for (int p = interactions.rowStart(user); p < interactions.rowEnd(user); p++) {
                int had = columns[p];
                for (int at = starts[had]; at < starts[had + 1]; at++) {
                    scores[targets[at]] += similarities[at];
                }
            }
        }
    }
}
