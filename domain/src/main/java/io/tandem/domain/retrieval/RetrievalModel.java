package io.tandem.domain.retrieval;

import java.util.Optional;

/**
 * A trained retriever: scores every item for a user it was trained on, higher meaning more likely wanted.
 * Implementations are thread-safe, so many users can be scored at once.
 */
public interface RetrievalModel {

    int itemCount();

    /**
     * Writes the score of every item for {@code user} into {@code scores} ({@code scores.length == itemCount()}).
     * Items the user already interacted with are scored too; callers filter them.
     */
    void score(int user, float[] scores);

    /** The user and item embeddings behind the scores, when the model has them. */
    default Optional<Embeddings> embeddings() {
        return Optional.empty();
    }
}
