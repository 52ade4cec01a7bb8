package io.tandem.adapters.out.jdbc;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;

/** Converts between catalog rows and the domain's items and users. */
final class CatalogRows {

    private CatalogRows() {
    }

    static Item item(ItemRow row) {
        return new Item(ItemId.of(row.id()), labels(row.categories()), labels(row.tags()), row.createdAt(),
                row.available(), AttributesJson.read(row.attributes()));
    }

    static User user(UserRow row) {
        return new User(UserId.of(row.id()), AttributesJson.read(row.attributes()));
    }

    /** Binds the parameters of {@link SqlDialect#upsertItem()}. */
    static void bindItem(PreparedStatement statement, Connection connection, Item item) throws SQLException {
        statement.setString(1, item.id().value());
        statement.setArray(2, connection.createArrayOf("varchar", sorted(item.categories())));
        statement.setArray(3, connection.createArrayOf("varchar", sorted(item.tags())));
        statement.setObject(4, SqlTimestamps.of(item.createdAt()));
        statement.setBoolean(5, item.available());
        statement.setString(6, AttributesJson.write(item.attributes()));
    }

    /** Binds the parameters of {@link SqlDialect#upsertUser()}. */
    static void bindUser(PreparedStatement statement, User user) throws SQLException {
        statement.setString(1, user.id().value());
        statement.setString(2, AttributesJson.write(user.attributes()));
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
