package io.tandem.application.serving.port.in;

import io.tandem.domain.recommendation.Recommendation;

import java.util.Optional;

/**
 * Items like a given one, from the champion's item neighbours and embeddings; the fallback (popular items of the
 * item's categories) when there is no model or the model does not know the item yet.
 *
 * <p>The answer's {@code user} is unused here and holds a placeholder; callers read items, model and fallback.
 */
@FunctionalInterface
public interface FindSimilarItemsUseCase {

    /** Empty when neither the catalog nor the model knows the item. */
    Optional<Recommendation> similar(SimilarItemsQuery query);
}
