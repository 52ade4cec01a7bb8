package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.util.List;
import java.util.Objects;

/**
 * The changes of a catalog between two versions ({@link LoadItemChangesPort}): each item saved, as it is now, and
 * each id deleted, once. An id in both was deleted and saved again, and the saved item stands: a deletion removes
 * the row, so a saved item read afterwards is newer than it.
 *
 * @param version  the catalog's version these changes bring a reader up to
 * @param complete false when the changes could not be listed (too many, or the catalog went back): read in full
 * @param saved    the items saved, as they are at {@code version}; empty when not complete
 * @param deleted  the ids deleted; empty when not complete
 */
public record ItemChanges(long version, boolean complete, List<Item> saved, List<ItemId> deleted) {

    public ItemChanges {
        saved = List.copyOf(Objects.requireNonNull(saved, "saved"));
        deleted = List.copyOf(Objects.requireNonNull(deleted, "deleted"));
        if (!complete && !(saved.isEmpty() && deleted.isEmpty())) {
            throw new IllegalArgumentException("incomplete changes carry no items");
        }
    }

    /** The changes up to {@code version}. */
    public static ItemChanges of(long version, List<Item> saved, List<ItemId> deleted) {
        return new ItemChanges(version, true, saved, deleted);
    }

    /** No list of changes, only the catalog's current version: the reader reads in full. */
    public static ItemChanges readInFull(long version) {
        return new ItemChanges(version, false, List.of(), List.of());
    }

    /** How many changes these are. */
    public int size() {
        return saved.size() + deleted.size();
    }
}
