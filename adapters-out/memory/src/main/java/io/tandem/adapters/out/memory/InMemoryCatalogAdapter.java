package io.tandem.adapters.out.memory;

import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.SaveItemsPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The catalog in a concurrent map. */
public final class InMemoryCatalogAdapter implements SaveItemsPort, LoadItemsPort {

    private final Map<ItemId, Item> items = new ConcurrentHashMap<>();

    @Override
    public void save(List<Item> batch) {
        for (Item item : batch) {
            items.put(item.id(), item);
        }
    }

    @Override
    public Map<ItemId, Item> loadItems(Collection<ItemId> ids) {
        Map<ItemId, Item> found = new HashMap<>();
        for (ItemId id : ids) {
            Item item = items.get(id);
            if (item != null) {
                found.put(id, item);
            }
        }
        return found;
    }
}
