package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.List;
import java.util.Optional;

/**
 * Reads the whole catalog page by page in the store's id order: the first page with {@code after} empty, each next
 * page after the last id of the one before, until a page comes back shorter than {@code limit}.
 */
@FunctionalInterface
public interface LoadItemPagePort {

    /** At most {@code limit} items with ids after {@code after} (all when empty), ascending by id. */
    List<Item> itemsAfter(Optional<ItemId> after, int limit);
}
