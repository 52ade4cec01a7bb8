package io.tandem.domain.retrieval;

/**
 * A {@link Retrieval} whose scores are computed on demand, item by item ({@code scores}), for a retriever that
 * found its ranked list and moments without scoring every item (iALS stopping early by vector length).
 */
public record ComputedRetrieval(ItemScores scores, int[] top, float mean, float deviation) implements Retrieval {

    /** The score of one item. */
    @FunctionalInterface
    public interface ItemScores {
        float of(int item);
    }

    @Override
    public float score(int item) {
        return scores.of(item);
    }
}
