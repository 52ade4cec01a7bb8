package io.tandem.domain.ranking;

import io.tandem.domain.catalog.ItemId;

import java.util.List;
import java.util.Objects;

/** One entry of a ranking: the item, its final score, its 1-based rank and the retrievers that found it. */
public record RankedItem(ItemId item, double score, int rank, List<String> sources) {

    public RankedItem {
        Objects.requireNonNull(item, "item");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be 1 or more");
        }
        sources = List.copyOf(sources);
    }
}
