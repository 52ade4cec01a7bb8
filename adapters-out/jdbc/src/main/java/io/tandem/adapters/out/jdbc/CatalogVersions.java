package io.tandem.adapters.out.jdbc;

import io.tandem.application.catalog.port.out.ItemChanges;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's version (V14, ADR-0036): every write moves it on inside its own transaction, holding the row's lock
 * until it commits, so writers commit in version order and a reader that sees a version has seen every change below
 * it. Writers take this lock before any item row, so two writers cannot deadlock over it.
 */
final class CatalogVersions {

    private static final String MOVE_ON = "UPDATE catalog_version SET version = version + 1 WHERE id = 1";
    private static final String CURRENT = "SELECT version FROM catalog_version WHERE id = 1";
    private static final String DELETED_BETWEEN = "SELECT id FROM item_deletions WHERE version > ? AND version <= ?"
            + " LIMIT ?";

    private CatalogVersions() {
    }

    /** Moves the version on and returns it, locked until {@code connection}'s transaction ends. */
    static long next(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MOVE_ON)) {
            if (update.executeUpdate() != 1) {
                throw new SQLException("catalog_version has no row: the schema is not migrated to V14");
            }
        }
        return current(connection);
    }

    /** The version of the last write committed (or of this transaction's own, after {@link #next}). */
    static long current(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CURRENT); ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("catalog_version has no row: the schema is not migrated to V14");
            }
            return row.getLong(1);
        }
    }

    /** Records that {@code id} was deleted at {@code version}. */
    static void deleted(Connection connection, ItemId id, long version) throws SQLException {
        String upsert = SqlDialect.of(connection).upsert("item_deletions", List.of("id", "version"), List.of("id"));
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, id.value());
            statement.setLong(2, version);
            statement.executeUpdate();
        }
    }

    /**
     * The changes after {@code after} up to the version read first: statements that run later may see newer rows,
     * and the upper bound leaves those to the next read.
     */
    static ItemChanges changesAfter(Connection connection, long after, int limit) throws SQLException {
        long upTo = current(connection);
        if (upTo < after) {
            return ItemChanges.readInFull(upTo);
        }
        if (upTo == after) {
            return ItemChanges.of(upTo, List.of(), List.of());
        }
        List<Item> saved = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CatalogRows.CHANGED_BETWEEN)) {
            bindRange(select, after, upTo, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    saved.add(CatalogRows.item(rows));
                }
            }
        }
        if (saved.size() > limit) {
            return ItemChanges.readInFull(upTo);
        }
        List<ItemId> deleted = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(DELETED_BETWEEN)) {
            bindRange(select, after, upTo, limit - saved.size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    deleted.add(ItemId.of(rows.getString(1)));
                }
            }
        }
        if (saved.size() + deleted.size() > limit) {
            return ItemChanges.readInFull(upTo);
        }
        return ItemChanges.of(upTo, saved, deleted);
    }

    /** Binds the range and one row more than {@code limit}, so that a longer list is seen to be one. */
    private static void bindRange(PreparedStatement select, long after, long upTo, int limit) throws SQLException {
        select.setLong(1, after);
        select.setLong(2, upTo);
        select.setInt(3, limit + 1);
    }
}
