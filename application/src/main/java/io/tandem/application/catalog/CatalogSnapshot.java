package io.tandem.application.catalog;

import io.tandem.application.catalog.port.out.LoadItemPagePort;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The catalog held in memory for the request path: what serving reads of an item (availability, categories) and
 * the newest available items, answered without a database round trip. {@link #refresh()} reads the whole catalog
 * page by page and replaces the snapshot (items deleted since disappear); writes made through this instance are
 * applied at once ({@link #saved}, {@link #deleted}), writes made elsewhere are seen at the next refresh. Until the
 * first refresh, and for more newest items than it keeps, reads go to the catalog itself.
 */
public final class CatalogSnapshot implements LoadItemsPort, LoadNewestItemsPort {

    /** The order of the catalog's newest-items read: creation time descending, then id. */
    private static final Comparator<Item> NEWEST_FIRST =
            Comparator.comparing(Item::createdAt, Comparator.reverseOrder()).thenComparing(Item::id);

    private final LoadItemPagePort pages;
    private final LoadItemsPort items;
    private final LoadNewestItemsPort newest;
    private final int pageSize;
    private final int newestKept;
    private final Object writing = new Object();
    private final Object refreshing = new Object();
    private volatile State state;
    private final IndexedViews views = new IndexedViews();
    /** Ids written through this instance while a refresh reads: the refresh keeps their newer version. */
    private Set<ItemId> writtenDuringRefresh;
    /** Writes made while the first refresh reads (nothing is served from memory yet), applied at its end. */
    private List<Runnable> pendingFirstLoad;

    /**
     * @param pages      the catalog read in full by {@link #refresh()}
     * @param items      the catalog's own item reads, used until the first refresh
     * @param newest     the catalog's own newest-items reads, used until the first refresh and for long lists
     * @param pageSize   items per page read
     * @param newestKept newest available items kept, overall and per category
     */
    public CatalogSnapshot(LoadItemPagePort pages, LoadItemsPort items, LoadNewestItemsPort newest, int pageSize,
                           int newestKept) {
        this.pages = Objects.requireNonNull(pages, "pages");
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
     * Reads the whole catalog and serves from it from now on. A failure leaves the previous snapshot in place
     * and is thrown to the caller.
     *
     * @return the number of items in the new snapshot
     */
    public int refresh() {
        synchronized (refreshing) {
            return refreshAlone();
        }
    }

    /**
     * Reads every page into the current map in place: an item equal to the one held keeps the held object (the
     * one read is garbage at once, so a refresh of an unchanged catalog leaves nothing for the collector to copy),
     * items written through this instance while the refresh reads keep their newer version, and items no longer
     * in the catalog are dropped at the end.
     */
    private int refreshAlone() {
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
            List<Runnable> replay = pendingFirstLoad;
            writtenDuringRefresh = null;
            pendingFirstLoad = null;
            // Writes through this instance kept the held lists current; a change read from the catalog needs them
            // built again.
            Newest newest = changed || state == null ? Newest.of(target.values(), newestKept) : state.newest;
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
                state = new State(now.items, now.newest.with(batch, newestKept));
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
                    state = new State(now.items, now.newest.without(id));
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
        List<Item> list = category.map(c -> now.newest.byCategory.getOrDefault(c, List.of())).orElse(now.newest.all);
        return list.size() <= limit ? list : list.subList(0, limit);
    }

    private record State(Map<ItemId, Item> items, Newest newest) {
    }

    /** The newest available items, overall and per category, newest first; immutable. */
    private record Newest(List<Item> all, Map<String, List<Item>> byCategory) {

        static Newest of(Collection<Item> items, int kept) {
            List<Item> all = new ArrayList<>();
            Map<String, List<Item>> byCategory = new HashMap<>();
            for (Item item : items) {
                if (item.available()) {
                    all.add(item);
                    for (String category : item.categories()) {
                        byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(item);
                    }
                }
            }
            Map<String, List<Item>> lists = new HashMap<>();
            byCategory.forEach((category, list) -> lists.put(category, newestOf(list, kept)));
            return new Newest(newestOf(all, kept), Map.copyOf(lists));
        }

        /** These lists with {@code batch} saved: replaced or added when available, removed when not. */
        Newest with(List<Item> batch, int kept) {
            Map<ItemId, Item> latest = new HashMap<>();
            for (Item item : batch) {
                latest.put(item.id(), item);
            }
            List<Item> all = merge(this.all, latest, Optional.empty(), kept);
            Map<String, List<Item>> byCategory = new HashMap<>(this.byCategory);
            for (Item item : latest.values()) {
                for (String category : item.categories()) {
                    byCategory.putIfAbsent(category, List.of());
                }
            }
            byCategory.replaceAll((category, list) -> merge(list, latest, Optional.of(category), kept));
            return new Newest(all, Map.copyOf(byCategory));
        }

        Newest without(ItemId id) {
            Map<String, List<Item>> byCategory = new HashMap<>(this.byCategory);
            byCategory.replaceAll((category, list) -> remove(list, id));
            return new Newest(remove(all, id), Map.copyOf(byCategory));
        }

        /**
         * A list of at most {@code kept} items whose earlier versions of {@code latest} are dropped and whose
         * available versions (in {@code category} when given) are added. An item pushed out of a full list by a
         * newer one is not brought back when the newer one leaves; the next refresh restores the full list.
         */
        private static List<Item> merge(List<Item> list, Map<ItemId, Item> latest, Optional<String> category,
                                        int kept) {
            List<Item> merged = new ArrayList<>(list.size() + latest.size());
            for (Item item : list) {
                if (!latest.containsKey(item.id())) {
                    merged.add(item);
                }
            }
            for (Item item : latest.values()) {
                if (item.available() && category.map(item::inCategory).orElse(true)) {
                    merged.add(item);
                }
            }
            return newestOf(merged, kept);
        }

        private static List<Item> remove(List<Item> list, ItemId id) {
            return list.stream().filter(item -> !item.id().equals(id)).toList();
        }

        private static List<Item> newestOf(List<Item> items, int kept) {
            List<Item> sorted = new ArrayList<>(items);
            sorted.sort(NEWEST_FIRST);
            return List.copyOf(sorted.size() > kept ? sorted.subList(0, kept) : sorted);
        }
    }
}
