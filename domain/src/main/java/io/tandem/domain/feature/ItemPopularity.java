package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;

import java.util.Objects;

/** An item with its time-decayed popularity at some moment, as the online features rank it. */
public record ItemPopularity(ItemId item, double popularity) {

    public ItemPopularity {
        Objects.requireNonNull(item, "item");
    }
}
