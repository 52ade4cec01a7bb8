package io.tandem.adapters.out.memory;

import io.tandem.application.port.out.CountCatalogPort;
import io.tandem.application.port.out.DeleteItemPort;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadUserPort;
import io.tandem.application.port.out.SaveItemsPort;
import io.tandem.application.port.out.SaveUsersPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The catalog in concurrent maps. */
public final class InMemoryCatalogAdapter
        implements SaveItemsPort, LoadItemsPort, DeleteItemPort, SaveUsersPort, LoadUserPort, CountCatalogPort {

    private final Map<ItemId, Item> items = new ConcurrentHashMap<>();
    private final Map<UserId, User> users = new ConcurrentHashMap<>();

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

    @Override
    public boolean deleteItem(ItemId id) {
        return items.remove(id) != null;
    }

    @Override
    public void saveUsers(List<User> batch) {
        for (User user : batch) {
            users.put(user.id(), user);
        }
    }

    @Override
    public Optional<User> loadUser(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public long countItems() {
        return items.size();
    }

    @Override
    public long countUsers() {
        return users.size();
    }
}
