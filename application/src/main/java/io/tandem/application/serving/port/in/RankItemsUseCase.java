package io.tandem.application.serving.port.in;

import io.tandem.domain.recommendation.Recommendation;

/**
 * Re-ranks a caller's list for a user with the champion's ranker; the caller's order, flagged as fallback, when
 * the model or the user's state is unavailable. Items the model does not know keep their relative order after
 * the ranked ones.
 */
@FunctionalInterface
public interface RankItemsUseCase {

    Recommendation rank(RankItemsQuery query);
}
