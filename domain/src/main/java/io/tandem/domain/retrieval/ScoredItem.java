package io.tandem.domain.retrieval;

import io.tandem.domain.catalog.ItemId;

import java.util.Objects;

/** An item with a score from one source (a popularity value, a similarity, a model output). */
public record ScoredItem(ItemId item, double score) {

    public ScoredItem {
        Objects.requireNonNull(item, "item");
    }
}
