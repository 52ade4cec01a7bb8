package io.tandem.domain.retrieval;

/**
 * What one retriever says about every item for one user: the score of any item, the ranked list of its best
 * unseen items (best first, ties to the lower index; items in the history and items scored {@code -Infinity} or
 * NaN are never listed), and the mean and standard deviation of its scores over the unseen items it scores above
 * {@code -Infinity}. A retriever whose scores are sparse (item neighbours) or fixed (popularity) answers this
 * without touching every item; the others score every item ({@link DenseRetrieval}).
 */
public interface Retrieval {

    /** The score of an item that is not in the history (what a history item scores is unspecified). */
    float score(int item);

    /** Writes every item's score into {@code out} (what the history's items get is unspecified). */
    default void scoreAll(float[] out) {
        for (int item = 0; item < out.length; item++) {
            out[item] = score(item);
        }
    }

    /**
     * Writes the score of each of {@code ascending} (items in ascending order) into {@code out} at the same
     * position (what a history item gets is unspecified): what {@link #score} answers item by item, for
     * retrievers that find many
     * items faster in one pass (a sorted list of scored items walked once instead of searched per item).
     */
    default void scores(int[] ascending, float[] out) {
        for (int k = 0; k < ascending.length; k++) {
            out[k] = score(ascending[k]);
        }
    }

    /** The best unseen items, best first, as many as asked for or fewer. Must not be changed. */
    int[] top();

    float mean();

    float deviation();
}
