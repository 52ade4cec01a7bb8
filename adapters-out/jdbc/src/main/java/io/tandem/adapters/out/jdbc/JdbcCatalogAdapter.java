package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalog of items and users in PostgreSQL or H2: writes are JDBC batch upserts in one transaction,
 * reads go through Micronaut Data repositories. Creation times are kept to the microsecond. Every item write moves
 * the catalogue's version on ({@link CatalogVersions}), so that the serving snapshot can read only what changed.
 */
public final class JdbcCatalogAdapter
        implements SaveItemsPort, LoadItemsPort, LoadNewestItemsPort, LoadItemPagePort, DeleteItemPort, SaveUsersPort,
        LoadUserPort, CountCatalogPort, LoadItemChangesPort {

    private final TransactionOperations<Connection> transactions;
    private final ItemRowRepository items;
    private final UserRowRepository users;
    /**
     * This instance's catalogue writes, one at a time: they would queue on the version's row lock anyway, and queuing
     * here holds no pooled connection and meets no lock timeout (H2 gives up on a row lock after a second).
     */
    private final Object writing = new Object();

    public JdbcCatalogAdapter(TransactionOperations<Connection> transactions, ItemRowRepository items,
                              UserRowRepository users) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.items = Objects.requireNonNull(items, "items");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** Saves all items or none; of several items with one id, the last one wins. */
    @Override
    public void save(List<Item> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Keyed by id: PostgreSQL refuses to upsert one row twice in a rewritten multi-row batch, and
        // sorted: concurrent saves then lock rows in the same order and cannot deadlock.
        Map<String, Item> latest = new TreeMap<>();
        for (Item item : batch) {
            latest.put(item.id().value(), item);
        }
        synchronized (writing) {
            saveLocked(latest);
        }
    }

    private void saveLocked(Map<String, Item> latest) {
        SqlTransactions.write(transactions, "saving " + latest.size() + " items", connection -> {
            long version = CatalogVersions.next(connection);
            try (PreparedStatement upsert = connection.prepareStatement(SqlDialect.of(connection).upsertItem())) {
                for (Item item : latest.values()) {
                    CatalogRows.bindItem(upsert, connection, item, version);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<ItemId, Item> loadItems(Collection<ItemId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String[] keys = ids.stream().map(ItemId::value).distinct().toArray(String[]::new);
        Map<ItemId, Item> found = new HashMap<>();
        for (ItemRow row : items.findByIds(keys)) {
            Item item = CatalogRows.item(row);
            found.put(item.id(), item);
        }
        return found;
    }

    /** Newest first by creation time, ties by id; {@code limit} must be 1 or more. */
    @Override
    public List<Item> newestItems(Optional<String> category, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        List<ItemRow> rows = category.isPresent()
                ? items.findNewestAvailableIn(category.get(), limit)
                : items.findNewestAvailable(limit);
        List<Item> newest = new ArrayList<>(rows.size());
        for (ItemRow row : rows) {
            newest.add(CatalogRows.item(row));
        }
        return newest;
    }

    /** Keyset paging on the primary key: every page is one index range scan, however deep. */
    @Override
    public List<Item> itemsAfter(Optional<ItemId> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        // Plain JDBC rather than the repository: the serving snapshot reads the whole catalogue this way every
        // refresh, and the generic row mapper (column names derived per row and column, instants through zoned
        // date-times) cost about as much CPU as the rest of the refresh together.
        String from = after.map(ItemId::value).orElse("");
        return SqlTransactions.read(transactions, "reading a catalogue page", connection -> {
            try (PreparedStatement select = connection.prepareStatement(CatalogRows.PAGE_AFTER)) {
                select.setString(1, from);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<Item> page = new ArrayList<>(limit);
                    while (rows.next()) {
                        page.add(CatalogRows.item(rows));
                    }
                    return page;
                }
            }
        });
    }

    /** Deletes the row and leaves the id in item_deletions, for the snapshots that read only changes. */
    @Override
    public boolean deleteItem(ItemId id) {
        synchronized (writing) {
            return deleteLocked(id);
        }
    }

    private boolean deleteLocked(ItemId id) {
        return SqlTransactions.write(transactions, "deleting an item", connection -> {
            // The version's lock first, as a save takes it: a save and a deletion then cannot deadlock.
            long version = CatalogVersions.next(connection);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM items WHERE id = ?")) {
                delete.setString(1, id.value());
                if (delete.executeUpdate() == 0) {
                    return false;
                }
            }
            CatalogVersions.deleted(connection, id, version);
            return true;
        });
    }

    @Override
    public long catalogVersion() {
        return SqlTransactions.read(transactions, "reading the catalogue version", CatalogVersions::current);
    }

    @Override
    public ItemChanges changesAfter(long version, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more");
        }
        return SqlTransactions.read(transactions, "reading catalogue changes",
                connection -> CatalogVersions.changesAfter(connection, version, limit));
    }

    /** Saves all users or none; of several users with one id, the last one wins. */
    @Override
    public void saveUsers(List<User> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, User> latest = new TreeMap<>();
        for (User user : batch) {
            latest.put(user.id().value(), user);
        }
        SqlTransactions.write(transactions, "saving " + latest.size() + " users", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SqlDialect.of(connection).upsertUser())) {
                for (User user : latest.values()) {
                    CatalogRows.bindUser(upsert, user);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<User> loadUser(UserId id) {
        return users.findById(id.value()).map(CatalogRows::user);
    }

    @Override
    public long countItems() {
        return items.count();
    }

    @Override
    public long countUsers() {
        return users.count();
    }
}
