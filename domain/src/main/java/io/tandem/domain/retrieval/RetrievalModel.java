package io.tandem.domain.retrieval;

import java.util.Optional;

/**
 * A trained retriever: scores every item for a user given the user's history, higher meaning more likely wanted.
 * Scores depend on the history alone (not on who the user is), so a user trained on, a user who arrived after
 * training and a user whose history grew since are scored by the same code, offline and in serving.
 * Implementations are thread-safe, so many users can be scored at once.
 */
public interface RetrievalModel {

    int itemCount();

    /**
     * Writes the score of every item for a user with {@code history} into {@code scores}
     * ({@code scores.length == itemCount()}). Items in the history are scored too; callers filter them.
     */
    void score(UserHistory history, float[] scores);

    /**
     * What this retriever says about every item for a user with {@code history}, its ranked list {@code depth}
     * items deep. By default every item is scored into {@code buffer} (a vector of {@link #itemCount()} the caller
     * lends, overwritten; a new one when null or of another length); retrievers with sparse or fixed scores answer
     * without a full vector. Every implementation answers what {@link DenseRetrieval} would for its scores.
     */
    default Retrieval retrieve(UserHistory history, int depth, float[] buffer) {
        float[] scores = buffer != null && buffer.length == itemCount() ? buffer : new float[itemCount()];
        score(history, scores);
        return DenseRetrieval.of(scores, history, depth);
    }

    /** The item embeddings behind the scores, when the model has them. */
    default Optional<Embeddings> embeddings() {
        return Optional.empty();
    }

    /** The user's vector in the space of {@link #embeddings()}, when the model has embeddings. */
    default Optional<float[]> userVector(UserHistory history) {
        return Optional.empty();
    }
}
