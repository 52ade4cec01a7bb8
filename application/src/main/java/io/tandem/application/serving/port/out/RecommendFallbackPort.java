package io.tandem.application.serving.port.out;

import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.ranking.RankedItem;

import java.util.List;

/**
 * The rule-based fallback: answers from local state only (no network call on the request path), so it answers
 * within the budget whatever failed. Items are ranked 1.., each with its tier's label as its one source; fewer
 * than asked when the tiers run dry.
 */
@FunctionalInterface
public interface RecommendFallbackPort {

    List<RankedItem> recommend(FallbackQuery query);
}
