package io.tandem.application.catalog.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;

import java.util.List;
import java.util.Objects;

/** Items to create or replace, at most {@value #MAX_ITEMS} at once. */
public record UpsertItemsCommand(List<Item> items) {

    public static final int MAX_ITEMS = 10_000;

    public UpsertItemsCommand {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.size() > MAX_ITEMS) {
            throw new InvalidFieldException("items", "at most " + MAX_ITEMS + " items at once, got " + items.size());
        }
    }
}
