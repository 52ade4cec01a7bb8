package io.tandem.adapters.out.jdbc;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;

/** Converts between catalog rows and the domain's items and users. */
final class CatalogRows {

    private CatalogRows() {
    }

    /** At most {@code ?2} rows with ids after {@code ?1}, ascending by id (the primary key's order). */
    static final String PAGE_AFTER = "SELECT id, categories, tags, created_at, available, attributes FROM items"
            + " WHERE id > ? ORDER BY id LIMIT ?";

    /** The rows written after catalogue version {@code ?1} up to {@code ?2}, at most {@code ?3}; PAGE_AFTER's columns. */
    static final String CHANGED_BETWEEN = "SELECT id, categories, tags, created_at, available, attributes FROM items"
            + " WHERE version > ? AND version <= ? LIMIT ?";

    /** The item of the current row of a result with {@link #PAGE_AFTER}'s columns, read by position. */
    static Item item(ResultSet row) throws SQLException {
        return new Item(ItemId.of(row.getString(1)), labels(row.getArray(2)), labels(row.getArray(3)),
                row.getObject(4, OffsetDateTime.class).toInstant(), row.getBoolean(5),
                AttributesJson.read(row.getString(6)));
    }

    static Item item(ItemRow row) {
        return new Item(ItemId.of(row.id()), labels(row.categories()), labels(row.tags()), row.createdAt(),
                row.available(), AttributesJson.read(row.attributes()));
    }

    static User user(UserRow row) {
        return new User(UserId.of(row.id()), AttributesJson.read(row.attributes()));
    }

    /** Binds the parameters of {@link SqlDialect#upsertItem()}: the item, written at catalogue {@code version}. */
    static void bindItem(PreparedStatement statement, Connection connection, Item item, long version)
            throws SQLException {
        statement.setString(1, item.id().value());
        statement.setArray(2, connection.createArrayOf("varchar", sorted(item.categories())));
        statement.setArray(3, connection.createArrayOf("varchar", sorted(item.tags())));
        statement.setObject(4, SqlTimestamps.of(item.createdAt()));
        statement.setBoolean(5, item.available());
        statement.setString(6, AttributesJson.write(item.attributes()));
        statement.setLong(7, version);
    }

    /** Binds the parameters of {@link SqlDialect#upsertUser()}. */
    static void bindUser(PreparedStatement statement, User user) throws SQLException {
        statement.setString(1, user.id().value());
        statement.setString(2, AttributesJson.write(user.attributes()));
    }

    private static Set<String> labels(Array stored) throws SQLException {
        Object[] values = (Object[]) stored.getArray();
        String[] labels = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = (String) values[i];
        }
        return labels(labels);
    }

    private static Set<String> labels(String[] stored) {
        // copyOf, not Set.of: a hand-edited row may repeat a label.
        return Set.copyOf(Arrays.asList(stored));
    }

    private static String[] sorted(Set<String> labels) {
        String[] array = labels.toArray(String[]::new);
        Arrays.sort(array);
        return array;
    }
}
