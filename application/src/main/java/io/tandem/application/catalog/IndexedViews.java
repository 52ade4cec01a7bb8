package io.tandem.application.catalog;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The {@link IndexedItems} a {@link CatalogSnapshot} keeps in step, one per list of ids asked for (the served
 * models' item lists: a champion, the versions experiments pin). They are held weakly: whoever asked for a view
 * holds it (a served model holds its own), so a retired model and its view are collected together, and a view
 * still in use is never dropped and left behind the snapshot. The snapshot changes them under its write lock;
 * requests read them without one.
 */
final class IndexedViews {

    /** Replaced, never changed, so requests read it without a lock. */
    private volatile List<WeakReference<IndexedItems>> views = List.of();

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
        for (WeakReference<IndexedItems> reference : views) {
            IndexedItems view = reference.get();
            if (view != null && view.follows(ids)) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }

    /** A new view of {@code ids} over {@code catalog}, kept with the live ones; called under the write lock. */
    private IndexedItems add(List<ItemId> ids, ToIntFunction<ItemId> indexOf, Map<ItemId, Item> catalog) {
        IndexedItems view = new IndexedItems(ids, indexOf, catalog);
        List<WeakReference<IndexedItems>> kept = new ArrayList<>();
        kept.add(new WeakReference<>(view));
        views.stream().filter(reference -> reference.get() != null).forEach(kept::add);
        views = List.copyOf(kept);
        return view;
    }

    /** {@code item} was put into the snapshot. */
    void put(Item item) {
        for (WeakReference<IndexedItems> reference : views) {
            IndexedItems view = reference.get();
            if (view != null) {
                view.put(item);
            }
        }
    }

    /** The item {@code id} left the snapshot. */
    void remove(ItemId id) {
        for (WeakReference<IndexedItems> reference : views) {
            IndexedItems view = reference.get();
            if (view != null) {
                view.remove(id);
            }
        }
    }

    /** {@link #remove}, answering true: for a filter that removes {@code id}. */
    boolean removed(ItemId id) {
        remove(id);
        return true;
    }
}
