package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.Item;

import java.util.List;

/** Creates or replaces catalog items. */
@FunctionalInterface
public interface SaveItemsPort {

    void save(List<Item> items);
}
