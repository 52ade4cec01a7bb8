package io.tandem.adapters.out.memory;

import io.tandem.application.catalog.port.out.CountCatalogPort;
import io.tandem.application.catalog.port.out.DeleteItemPort;
import io.tandem.application.catalog.port.out.ItemChanges;
import io.tandem.application.catalog.port.out.LoadItemChangesPort;
import io.tandem.application.catalog.port.out.LoadItemPagePort;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.catalog.port.out.LoadUserPort;
import io.tandem.application.catalog.port.out.SaveItemsPort;
import io.tandem.application.catalog.port.out.SaveUsersPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The catalog in concurrent maps; items sorted by id, so that the catalog can be read page by page. Writes take one
 * lock and move the catalog's version on; each id remembers only its last change, so the change log is as long as
 * the ids ever written, not the writes.
 */
public final class InMemoryCatalogAdapter
        implements SaveItemsPort, LoadItemsPort, LoadNewestItemsPort, LoadItemPagePort, DeleteItemPort, SaveUsersPort,
        LoadUserPort, CountCatalogPort, LoadItemChangesPort {

    /** The order of the jdbc catalog's newest-items query: creation time descending, then id. */
    private static final Comparator<Item> NEWEST_FIRST =
            Comparator.comparing(Item::createdAt, Comparator.reverseOrder()).thenComparing(Item::id);

    private final ConcurrentNavigableMap<ItemId, Item> items = new ConcurrentSkipListMap<>();
    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    private final Object writing = new Object();
    /** The ids whose last change has each version, and the reverse; guarded by {@link #writing}. */
    private final TreeMap<Long, Set<ItemId>> changedAt = new TreeMap<>();
    private final Map<ItemId, Long> lastChange = new HashMap<>();
    private long version;

    @Override
    public void save(List<Item> batch) {
        if (batch.isEmpty()) {
            return;
        }
        synchronized (writing) {
            version++;
            for (Item item : batch) {
                items.put(item.id(), item);
                changed(item.id());
            }
        }
    }

    private void changed(ItemId id) {
        Long before = lastChange.put(id, version);
        if (before != null && before != version) {
            Set<ItemId> ids = changedAt.get(before);
            ids.remove(id);
            if (ids.isEmpty()) {
                changedAt.remove(before);
            }
        }
        changedAt.computeIfAbsent(version, v -> new HashSet<>()).add(id);
    }

    @Override
    public long catalogVersion() {
        synchronized (writing) {
            return version;
        }
    }

    @Override
    public ItemChanges changesAfter(long after, int limit) {
        synchronized (writing) {
            if (after > version) {
                return ItemChanges.readInFull(version);
            }
            List<Item> saved = new ArrayList<>();
            List<ItemId> deleted = new ArrayList<>();
            for (Set<ItemId> ids : changedAt.tailMap(after, false).values()) {
                if (saved.size() + deleted.size() + ids.size() > limit) {
                    return ItemChanges.readInFull(version);
                }
                for (ItemId id : ids) {
                    Item item = items.get(id);
                    if (item != null) {
                        saved.add(item);
                    } else {
                        deleted.add(id);
                    }
                }
            }
            return ItemChanges.of(version, saved, deleted);
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

    /**
     * Newest first by creation time, ties by id; {@code limit} must be 1 or more. One pass over the catalog
     * keeping the newest {@code limit} in a heap, so the cost grows with the catalog, not with sorting it.
     */
    @Override
    public List<Item> newestItems(Optional<String> category, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        // Head = the oldest kept, the one a newer item pushes out.
        PriorityQueue<Item> newest = new PriorityQueue<>(NEWEST_FIRST.reversed());
        for (Item item : items.values()) {
            if (item.available() && (category.isEmpty() || item.inCategory(category.get()))) {
                newest.add(item);
                if (newest.size() > limit) {
                    newest.poll();
                }
            }
        }
        List<Item> answer = new ArrayList<>(newest);
        answer.sort(NEWEST_FIRST);
        return answer;
    }

    @Override
    public List<Item> itemsAfter(Optional<ItemId> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        List<Item> page = new ArrayList<>(Math.min(limit, 1024));
        for (Item item : (after.isPresent() ? items.tailMap(after.get(), false) : items).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(item);
        }
        return page;
    }

    @Override
    public boolean deleteItem(ItemId id) {
        synchronized (writing) {
            if (items.remove(id) == null) {
                return false;
            }
            version++;
            changed(id);
            return true;
        }
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
