package io.tandem.application.catalog;

import io.tandem.application.catalog.port.out.ItemChanges;
import io.tandem.application.catalog.port.out.LoadItemChangesPort;
import io.tandem.application.catalog.port.out.LoadItemPagePort;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The catalog held in memory for the request path: what serving reads of an item (availability, categories) and
 * the newest available items, answered without a database round trip. {@link #refresh()} reads only what changed
 * in the catalog since the version it last read (ADR-0036), and the whole catalog page by page the first time and
 * whenever the changes cannot be listed; writes made through this instance are applied at once ({@link #saved},
 * {@link #deleted}), writes made elsewhere are seen at the next refresh. Until the first refresh, and for more newest
 * items than it keeps, reads go to the catalog itself.
 */
public final class CatalogSnapshot implements LoadItemsPort, LoadNewestItemsPort {

    private final LoadItemPagePort pages;
    private final LoadItemChangesPort changes;
    private final LoadItemsPort items;
    private final LoadNewestItemsPort newest;
    private final int pageSize;
    private final int newestKept;
    private final Object writing = new Object();
    private final Object refreshing = new Object();
    private volatile State state;
    private final IndexedViews views = new IndexedViews();
    /** The catalog version the snapshot holds, when it can be read on from; guarded by {@link #refreshing}. */
    private OptionalLong version = OptionalLong.empty();
    /** Ids written through this instance while a refresh reads: the refresh keeps their newer version. */
    private Set<ItemId> writtenDuringRefresh;
    /** Writes made while the first refresh reads (nothing is served from memory yet), applied at its end. */
    private List<Runnable> pendingFirstLoad;

    /**
     * @param pages      the catalog read in full by {@link #refresh()}
     * @param changes    the catalog's changes, read by {@link #refresh()} once it holds a version
     * @param items      the catalog's own item reads, used until the first refresh
     * @param newest     the catalog's own newest-items reads, used until the first refresh and for long lists
     * @param pageSize   items per page read; more changes than this are read as a whole catalog, page by page
     * @param newestKept newest available items kept, overall and per category
     */
    public CatalogSnapshot(LoadItemPagePort pages, LoadItemChangesPort changes, LoadItemsPort items,
                           LoadNewestItemsPort newest, int pageSize, int newestKept) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.items = Objects.requireNonNull(items, "items");
        this.newest = Objects.requireNonNull(newest, "newest");
        if (pageSize < 1) {
            throw new InvalidFieldException("pageSize", "must be 1 or more");
        }
        if (newestKept < 1) {
            throw new InvalidFieldException("newestKept", "must be 1 or more");
        }
        this.pageSize = pageSize;
        this.newestKept = newestKept;
    }

    /**
     * Brings the snapshot up to the catalog: reads the changes since the version held, or the whole catalog when
     * there is none yet or the changes cannot be listed, and serves from it from now on. A failure leaves the
     * previous snapshot in place and is thrown to the caller.
     *
     * @return the number of items in the new snapshot
     */
    public int refresh() {
        synchronized (refreshing) {
            if (version.isPresent()) {
                OptionalInt applied = applyChanges(version.getAsLong());
                if (applied.isPresent()) {
                    return applied.getAsInt();
                }
            }
            return refreshAlone();
        }
    }

    /**
     * Applies the changes after {@code after}, or answers empty when the catalog says to read it in full. A change
     * to an item written through this instance while the changes were read is not applied (it may be older than
     * the write) and the version is not moved on, so the next refresh reads that change again.
     */
    private OptionalInt applyChanges(long after) {
        synchronized (writing) {
            writtenDuringRefresh = new HashSet<>();
        }
        ItemChanges read;
        try {
            read = changes.changesAfter(after, pageSize);
        } catch (RuntimeException e) {
            synchronized (writing) {
                writtenDuringRefresh = null;
            }
            throw e;
        }
        synchronized (writing) {
            Set<ItemId> written = writtenDuringRefresh;
            writtenDuringRefresh = null;
            if (!read.complete()) {
                return OptionalInt.empty();
            }
            State now = state;
            boolean skipped = false;
            List<ItemId> removed = new ArrayList<>();
            List<Item> saved = new ArrayList<>();
            for (ItemId id : read.deleted()) {
                skipped |= written.contains(id);
                if (!written.contains(id) && now.items.remove(id) != null) {
                    views.remove(id);
                    removed.add(id);
                }
            }
            for (Item item : read.saved()) {
                skipped |= written.contains(item.id());
                if (!written.contains(item.id()) && !item.equals(now.items.get(item.id()))) {
                    now.items.put(item.id(), item);
                    views.put(item);
                    saved.add(item);
                }
            }
            NewestItems newest = saved.isEmpty() && removed.isEmpty()
                    ? now.newest : now.newest.changed(saved, removed, newestKept);
            if (!newest.exact()) {
                newest = NewestItems.of(now.items.values(), newestKept);
            }
            state = new State(now.items, newest);
            if (!skipped) {
                version = OptionalLong.of(read.version());
            }
            return OptionalInt.of(now.items.size());
        }
    }

    /**
     * Reads every page into the current map in place: an item equal to the one held keeps the held object (the
     * one read is garbage at once, so a refresh of an unchanged catalog leaves nothing for the collector to copy),
     * items written through this instance while the refresh reads keep their newer version, and items no longer
     * in the catalog are dropped at the end. The catalog's version is read first: every change up to it is in the
     * pages, later ones are read again as changes. When a write through this instance kept an item from its read,
     * the next refresh reads in full again, as a change of that item up to the version would be lost.
     */
    private int refreshAlone() {
        long upTo = changes.catalogVersion();
        State before = state;
        Map<ItemId, Item> target = before == null ? new ConcurrentHashMap<>() : before.items;
        synchronized (writing) {
            writtenDuringRefresh = new HashSet<>();
            pendingFirstLoad = before == null ? new ArrayList<>() : null;
        }
        Set<ItemId> present = new HashSet<>(Math.max(16, target.size() * 2));
        boolean changed = before == null;
        try {
            Optional<ItemId> after = Optional.empty();
            while (true) {
                List<Item> page = pages.itemsAfter(after, pageSize);
                synchronized (writing) {
                    for (Item item : page) {
                        present.add(item.id());
                        if (!writtenDuringRefresh.contains(item.id()) && !item.equals(target.get(item.id()))) {
                            target.put(item.id(), item);
                            views.put(item);
                            changed = true;
                        }
                    }
                }
                if (page.size() < pageSize) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
        } catch (RuntimeException e) {
            synchronized (writing) {
                writtenDuringRefresh = null;
                pendingFirstLoad = null;
            }
            throw e;
        }
        synchronized (writing) {
            Set<ItemId> written = writtenDuringRefresh;
            changed |= target.keySet()
                    .removeIf(id -> !present.contains(id) && !written.contains(id) && views.removed(id));
            version = written.isEmpty() ? OptionalLong.of(upTo) : OptionalLong.empty();
            List<Runnable> replay = pendingFirstLoad;
            writtenDuringRefresh = null;
            pendingFirstLoad = null;
            // Writes through this instance kept the held lists current; a change read from the catalog needs them
            // built again.
            NewestItems newest = changed || state == null || !state.newest.exact()
                    ? NewestItems.of(target.values(), newestKept) : state.newest;
            state = new State(target, newest);
            if (replay != null) {
                replay.forEach(Runnable::run);
            }
            return target.size();
        }
    }

    /** True once a refresh has succeeded. */
    public boolean isLoaded() {
        return state != null;
    }

    /** Applies items just saved to the catalog through this instance. */
    public void saved(List<Item> batch) {
        synchronized (writing) {
            if (writtenDuringRefresh != null) {
                batch.forEach(item -> writtenDuringRefresh.add(item.id()));
            }
            State now = state;
            if (now != null) {
                for (Item item : batch) {
                    now.items.put(item.id(), item);
                    views.put(item);
                }
                state = new State(now.items, now.newest.changed(batch, List.of(), newestKept));
            } else if (pendingFirstLoad != null) {
                // The first refresh is reading: its map is not served yet, so the write is applied to it at the end.
                pendingFirstLoad.add(() -> saved(batch));
            }
        }
    }

    /** Applies an item just deleted from the catalog through this instance. */
    public void deleted(ItemId id) {
        synchronized (writing) {
            if (writtenDuringRefresh != null) {
                writtenDuringRefresh.add(id);
            }
            State now = state;
            if (now != null) {
                if (now.items.remove(id) != null) {
                    views.remove(id);
                    state = new State(now.items, now.newest.changed(List.of(), List.of(id), newestKept));
                }
            } else if (pendingFirstLoad != null) {
                pendingFirstLoad.add(() -> deleted(id));
            }
        }
    }

    /**
     * The snapshot's items at the indexes of {@code ids} ({@code indexOf} gives an id's index, -1 for none), kept in
     * step with the snapshot while the caller holds the view (it is held weakly here); empty until the first
     * refresh. The first call for a list pays a lookup per id.
     */
    @Override
    public Optional<IndexedItems> indexed(List<ItemId> ids, ToIntFunction<ItemId> indexOf) {
        return views.indexed(ids, indexOf, writing, () -> state == null ? null : state.items);
    }

    @Override
    public Map<ItemId, Item> loadItems(Collection<ItemId> ids) {
        State now = state;
        if (now == null) {
            return items.loadItems(ids);
        }
        Map<ItemId, Item> found = new HashMap<>(ids.size() * 2);
        for (ItemId id : ids) {
            Item item = now.items.get(id);
            if (item != null) {
                found.put(id, item);
            }
        }
        return found;
    }

    @Override
    public List<Item> newestItems(Optional<String> category, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        State now = state;
        if (now == null || limit > newestKept) {
            return newest.newestItems(category, limit);
        }
        return now.newest.newest(category, limit);
    }

    private record State(Map<ItemId, Item> items, NewestItems newest) {
    }
}
