package io.tandem.application.catalog;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest available items of a {@link CatalogSnapshot}, overall and per category, newest first; immutable. Built
 * from the whole catalogue it is exact. Changed by a few items it stays exact unless a full list loses a member: the
 * item that would move up in its place is not in the list, so the list is kept short until a rebuild
 * ({@link #exact()} false), which the snapshot's next refresh does.
 */
final class NewestItems {

    /** The order of the catalog's newest-items read: creation time descending, then id. */
    static final Comparator<Item> NEWEST_FIRST =
            Comparator.comparing(Item::createdAt, Comparator.reverseOrder()).thenComparing(Item::id);

    private final List<Item> all;
    private final Map<String, List<Item>> byCategory;
    private final boolean exact;

    private NewestItems(List<Item> all, Map<String, List<Item>> byCategory, boolean exact) {
        this.all = all;
        this.byCategory = byCategory;
        this.exact = exact;
    }

    static NewestItems of(Collection<Item> items, int kept) {
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
        return new NewestItems(newestOf(all, kept), Map.copyOf(lists), true);
    }

    /** True when every list is the catalogue's own newest-items answer, not one kept short by a change. */
    boolean exact() {
        return exact;
    }

    /** At most {@code limit} items, of {@code category} when given. */
    List<Item> newest(Optional<String> category, int limit) {
        List<Item> list = category.map(c -> byCategory.getOrDefault(c, List.of())).orElse(all);
        return list.size() <= limit ? list : list.subList(0, limit);
    }

    /**
     * These lists with {@code saved} saved (replaced or added when available, removed when not; of one id the last
     * wins) and {@code deleted} removed. Only the lists that hold a changed id or gain a saved item are built again.
     */
    NewestItems changed(Collection<Item> saved, Collection<ItemId> deleted, int kept) {
        Map<ItemId, Item> latest = new HashMap<>();
        for (Item item : saved) {
            latest.put(item.id(), item);
        }
        Map<ItemId, Optional<Item>> changes = new HashMap<>();
        deleted.forEach(id -> changes.put(id, Optional.empty()));
        latest.forEach((id, item) -> changes.put(id, Optional.of(item)));
        boolean stillExact = exact;
        List<Item> newAll = merge(all, changes, Optional.empty(), kept);
        stillExact &= !shortened(all, changes, Optional.empty(), kept);
        Map<String, List<Item>> lists = new HashMap<>(byCategory);
        for (Item item : latest.values()) {
            for (String category : item.categories()) {
                lists.putIfAbsent(category, List.of());
            }
        }
        for (Map.Entry<String, List<Item>> entry : lists.entrySet()) {
            List<Item> list = entry.getValue();
            Optional<String> category = Optional.of(entry.getKey());
            if (touched(list, changes, category)) {
                List<Item> merged = merge(list, changes, category, kept);
                stillExact &= !shortened(list, changes, category, kept);
                entry.setValue(merged);
            }
        }
        lists.values().removeIf(List::isEmpty);
        return new NewestItems(newAll, Map.copyOf(lists), stillExact);
    }

    /** Whether a change bears on {@code list}: it holds a changed id, or a saved item belongs in it. */
    private static boolean touched(List<Item> list, Map<ItemId, Optional<Item>> changes,
                                   Optional<String> category) {
        for (Item item : list) {
            if (changes.containsKey(item.id())) {
                return true;
            }
        }
        for (Optional<Item> change : changes.values()) {
            if (change.isPresent() && belongs(change.get(), category)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a full list lost a member whose place an item outside it may take: a member deleted, no longer in the
     * list's reach, or moved back in time. A member that stays at its place or moves forward takes no one's place.
     */
    private static boolean shortened(List<Item> before, Map<ItemId, Optional<Item>> changes,
                                     Optional<String> category, int kept) {
        if (before.size() < kept) {
            // Not full: it held every item in its reach, so nothing outside it can move up.
            return false;
        }
        for (Item member : before) {
            Optional<Item> change = changes.get(member.id());
            if (change != null && (change.isEmpty() || !belongs(change.get(), category)
                    || change.get().createdAt().isBefore(member.createdAt()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean belongs(Item item, Optional<String> category) {
        return item.available() && category.map(item::inCategory).orElse(true);
    }

    private static List<Item> merge(List<Item> list, Map<ItemId, Optional<Item>> changes, Optional<String> category,
                                    int kept) {
        List<Item> merged = new ArrayList<>(list.size() + changes.size());
        for (Item item : list) {
            if (!changes.containsKey(item.id())) {
                merged.add(item);
            }
        }
        for (Optional<Item> change : changes.values()) {
            if (change.isPresent() && belongs(change.get(), category)) {
                merged.add(change.get());
            }
        }
        return newestOf(merged, kept);
    }

    private static List<Item> newestOf(List<Item> items, int kept) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(NEWEST_FIRST);
        return List.copyOf(sorted.size() > kept ? sorted.subList(0, kept) : sorted);
    }
}
