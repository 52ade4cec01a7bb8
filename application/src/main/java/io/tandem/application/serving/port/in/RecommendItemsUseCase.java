package io.tandem.application.serving.port.in;

import io.tandem.domain.recommendation.Recommendation;

/** Answers "what should this user see next". */
@FunctionalInterface
public interface RecommendItemsUseCase {

    Recommendation recommend(RecommendItemsQuery query);
}
