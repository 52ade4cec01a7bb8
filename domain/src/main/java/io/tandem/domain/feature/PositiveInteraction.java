package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's positive feedback on one item as the models read it: the sum of the labels of every event on the
 * item whose label was positive, and the time of the latest of them (the same cell the training matrix holds).
 */
public record PositiveInteraction(ItemId item, float value, Instant time) {

    public PositiveInteraction {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(time, "time");
        if (!(value > 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("value must be positive and finite");
        }
    }
}
