package io.tandem.adapters.out.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements that cannot be written once for both databases. H2 accepts {@code ON CONFLICT DO NOTHING}
 * in PostgreSQL mode but not {@code ON CONFLICT ... DO UPDATE}, so its upserts use its own {@code MERGE ... KEY};
 * PostgreSQL keeps {@code ON CONFLICT}, which unlike its {@code MERGE} is safe against concurrent inserts.
 */
enum SqlDialect {

    POSTGRESQL(
            "INSERT INTO items (id, categories, tags, created_at, available, attributes, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET categories = EXCLUDED.categories, tags = EXCLUDED.tags,"
                    + " created_at = EXCLUDED.created_at, available = EXCLUDED.available,"
                    + " attributes = EXCLUDED.attributes, version = EXCLUDED.version",
            "INSERT INTO users (id, attributes) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET attributes = EXCLUDED.attributes",
            "INSERT INTO jobs (id, type, status, progress, message, queued_at, started_at, finished_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, status = EXCLUDED.status,"
                    + " progress = EXCLUDED.progress, message = EXCLUDED.message, queued_at = EXCLUDED.queued_at,"
                    + " started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at"),
    H2(
            "MERGE INTO items (id, categories, tags, created_at, available, attributes, version) KEY (id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            "MERGE INTO users (id, attributes) KEY (id) VALUES (?, ?)",
            "MERGE INTO jobs (id, type, status, progress, message, queued_at, started_at, finished_at) KEY (id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

    private final String upsertItem;
    private final String upsertUser;
    private final String upsertJob;

    SqlDialect(String upsertItem, String upsertUser, String upsertJob) {
        this.upsertItem = upsertItem;
        this.upsertUser = upsertUser;
        this.upsertJob = upsertJob;
    }

    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("PostgreSQL".equals(product)) {
            return POSTGRESQL;
        }
        if ("H2".equals(product)) {
            return H2;
        }
        throw new SQLException("Unsupported database '" + product + "': use PostgreSQL, or H2 in PostgreSQL mode");
    }

    /** Inserts or replaces one item; parameters as bound by {@link CatalogRows#bindItem}. */
    String upsertItem() {
        return upsertItem;
    }

    /** Inserts or replaces one user; parameters as bound by {@link CatalogRows#bindUser}. */
    String upsertUser() {
        return upsertUser;
    }

    /** Inserts or replaces one job; parameters as bound by {@link JobRows#bindJob}. */
    String upsertJob() {
        return upsertJob;
    }

    /**
     * Inserts one row of {@code table}, or replaces the row with the same {@code key} (its primary key); the
     * parameters are the {@code columns} in order, key columns included.
     */
    String upsert(String table, List<String> columns, List<String> key) {
        String values = " VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        if (this == H2) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
                    + ")" + values;
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ")" + values + " ON CONFLICT ("
                + String.join(", ", key) + ") DO UPDATE SET " + columns.stream().filter(column -> !key.contains(column))
                .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
    }
}
