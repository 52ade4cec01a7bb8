package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.Collection;
import java.util.Map;

/** Reads catalog items in one batch; ids not in the catalog are absent from the answer. */
@FunctionalInterface
public interface LoadItemsPort {

    Map<ItemId, Item> loadItems(Collection<ItemId> ids);
}
