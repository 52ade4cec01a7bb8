package io.tandem.application.catalog.port.in;

import io.tandem.domain.catalog.ItemId;

import java.util.Objects;

/** Which item to read. */
public record FindItemQuery(ItemId item) {

    public FindItemQuery {
        Objects.requireNonNull(item, "item");
    }
}
