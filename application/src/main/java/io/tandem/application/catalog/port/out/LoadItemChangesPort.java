package io.tandem.application.catalog.port.out;

/**
 * Reads what changed in the catalog since a version, so that a copy of it (the serving snapshot) follows the store
 * without reading it whole. Every save and deletion moves the catalog's version on by one, and a change becomes
 * visible only together with every change of a lower version: a reader that has seen version {@code v} has seen all
 * changes up to {@code v}, whatever the order in which concurrent writers committed.
 */
public interface LoadItemChangesPort {

    /** The version of the last change committed; read before a full read, it is where the next changes start. */
    long catalogVersion();

    /**
     * The items saved and ids deleted after {@code version} up to the catalog's current version, when there are at
     * most {@code limit} of them and the catalog has not gone back before {@code version} (a store emptied or
     * restored); otherwise only the current version, marked incomplete, and the reader should read in full.
     */
    ItemChanges changesAfter(long version, int limit);
}
