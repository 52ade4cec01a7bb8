package io.tandem.application.catalog.port.in;

import io.tandem.domain.catalog.ItemId;

import java.util.Objects;

/** Which item to remove. */
public record DeleteItemCommand(ItemId item) {

    public DeleteItemCommand {
        Objects.requireNonNull(item, "item");
    }
}
