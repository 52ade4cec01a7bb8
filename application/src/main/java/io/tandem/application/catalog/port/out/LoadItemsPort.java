package io.tandem.application.catalog.port.out;

import io.tandem.application.catalog.IndexedItems;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Reads catalog items in one batch; ids not in the catalog are absent from the answer. */
@FunctionalInterface
public interface LoadItemsPort {

    Map<ItemId, Item> loadItems(Collection<ItemId> ids);

    /**
     * The catalog's items at the indexes of {@code ids} ({@code indexOf} gives an id's index, -1 for none), for a
     * catalog held in memory: a caller then reads an item by its index, with no lookup of its id. Empty where each
     * read goes to the store ({@link #loadItems}), and for an in-memory catalog not loaded yet.
     */
    default Optional<IndexedItems> indexed(List<ItemId> ids, ToIntFunction<ItemId> indexOf) {
        return Optional.empty();
    }
}
