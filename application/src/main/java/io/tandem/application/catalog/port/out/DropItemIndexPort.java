package io.tandem.application.catalog.port.out;

import io.tandem.domain.retrieval.ItemIndexHandle;

/**
 * Releases an item index that {@link BuildItemIndexPort} built (its memory or files); searches already running on
 * it finish, later ones fail. Dropping an unknown or already dropped index does nothing.
 */
@FunctionalInterface
public interface DropItemIndexPort {

    void drop(ItemIndexHandle index);
}
