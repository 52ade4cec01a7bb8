package io.tandem.application.port.out;

import io.tandem.domain.retrieval.ScoredItem;

import java.time.Instant;
import java.util.List;

/** Reads the most popular items, scored by time-decayed popularity as of {@code at}, most popular first. */
@FunctionalInterface
public interface LoadPopularItemsPort {

    List<ScoredItem> popularItems(int limit, Instant at);
}
