package io.tandem.application.feature.port.out;

import io.tandem.domain.retrieval.ScoredItem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the most popular items, overall or within one category, scored by time-decayed popularity as of
 * {@code at}, most popular first.
 */
@FunctionalInterface
public interface LoadPopularItemsPort {

    List<ScoredItem> popularItems(Optional<String> category, int limit, Instant at);
}
