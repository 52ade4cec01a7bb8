package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.Item;

import java.util.List;
import java.util.Optional;

/**
 * Reads the newest available catalog items (by creation time, newest first), optionally within one category:
 * the fresh items that no model has seen yet.
 */
@FunctionalInterface
public interface LoadNewestItemsPort {

    List<Item> newestItems(Optional<String> category, int limit);
}
