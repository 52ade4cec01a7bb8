package io.tandem.application.catalog;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The {@link IndexedItems} a {@link CatalogSnapshot} keeps in step: those of the lists asked for last (the served
 * models', a champion and the versions experiments pin), at most {@link #KEPT}. The snapshot changes them under
 * its write lock; requests read them without one.
 */
final class IndexedViews {

    private static final int KEPT = 4;

    /** Newest first; replaced, never changed, so requests read it without a lock. */
    private volatile List<IndexedItems> views = List.of();

    /**
     * The view of {@code ids}, made over the snapshot's map ({@code catalog}, null before the first refresh) under
     * the snapshot's write lock when none is kept yet; empty before the first refresh. A kept view is found
     * without the lock.
     */
    Optional<IndexedItems> indexed(List<ItemId> ids, ToIntFunction<ItemId> indexOf, Object writeLock,
                                   Supplier<Map<ItemId, Item>> catalog) {
        Optional<IndexedItems> kept = find(ids);
        if (kept.isPresent()) {
            return kept;
        }
        synchronized (writeLock) {
            Map<ItemId, Item> now = catalog.get();
            return now == null ? Optional.empty() : Optional.of(find(ids).orElseGet(() -> add(ids, indexOf, now)));
        }
    }

    /** The view of {@code ids} itself (the same list object) when one is kept. */
    private Optional<IndexedItems> find(List<ItemId> ids) {
        for (IndexedItems view : views) {
            if (view.follows(ids)) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }

    /** A new view of {@code ids} over {@code catalog}, kept in place of the oldest; called under the write lock. */
    private IndexedItems add(List<ItemId> ids, ToIntFunction<ItemId> indexOf, Map<ItemId, Item> catalog) {
        IndexedItems view = new IndexedItems(ids, indexOf, catalog);
        List<IndexedItems> kept = new ArrayList<>(KEPT);
        kept.add(view);
        views.stream().filter(other -> !other.follows(ids)).limit(KEPT - 1).forEach(kept::add);
        views = List.copyOf(kept);
        return view;
    }

    /** {@code item} was put into the snapshot. */
    void put(Item item) {
        for (IndexedItems view : views) {
            view.put(item);
        }
    }

    /** The item {@code id} left the snapshot. */
    void remove(ItemId id) {
        for (IndexedItems view : views) {
            view.remove(id);
        }
    }

    /** {@link #remove}, answering true: for a filter that removes {@code id}. */
    boolean removed(ItemId id) {
        remove(id);
        return true;
    }
}
