package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.ItemId;

/** Removes an item from the catalog; returns whether it was there. */
@FunctionalInterface
public interface DeleteItemPort {

    boolean deleteItem(ItemId id);
}
