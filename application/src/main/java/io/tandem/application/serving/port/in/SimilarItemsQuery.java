package io.tandem.application.serving.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;

import java.util.Objects;

/** The {@code count} items most like {@code item}. */
public record SimilarItemsQuery(ItemId item, int count) {

    public static final int MAX_COUNT = 1_000;

    public SimilarItemsQuery {
        Objects.requireNonNull(item, "item");
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidFieldException("count", "must be between 1 and " + MAX_COUNT);
        }
    }
}
