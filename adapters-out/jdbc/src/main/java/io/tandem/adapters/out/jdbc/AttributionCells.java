package io.tandem.adapters.out.jdbc;

import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.CellIncrement;
import io.tandem.domain.experiment.attribution.CellSums;
import io.tandem.domain.experiment.attribution.ServedItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cells, users and items one transaction adds to, read once each and written back at the end. The caller holds
 * the lock of every experiment involved ({@code attribution_generations} row), so nothing else changes them
 * meanwhile.
 */
final class AttributionCells {

    private record CellKey(String experiment, long generation, String variant, String period) {
    }

    private record UserKey(CellKey cell, UserId user) {
    }

    private final Connection connection;
    private final Map<CellKey, CellSums> cells = new HashMap<>();
    private final Set<CellKey> storedCells = new HashSet<>();
    private final Map<UserKey, double[]> users = new HashMap<>();
    private final Set<UserKey> storedUsers = new HashSet<>();

    AttributionCells(Connection connection) {
        this.connection = connection;
    }

    /** Adds {@code increment} to its day cell and whole-experiment cell of {@code generation}. */
    void add(long generation, CellIncrement increment) throws SQLException {
        for (Optional<LocalDate> day : increment.cells()) {
            CellKey key = new CellKey(increment.list().experiment(), generation, increment.list().variant(),
                    AttributionRows.period(day));
            UserKey userKey = new UserKey(key, increment.list().user());
            double[] totals = users.get(userKey);
            boolean newUser = false;
            if (totals == null) {
                totals = readUser(userKey);
                newUser = totals == null;
                totals = newUser ? new double[CellSums.USER_COLUMNS] : totals;
                users.put(userKey, totals);
            }
            int newItems = increment.served() ? claimItems(key, increment) : 0;
            cell(key).add(increment, newItems, newUser, totals);
        }
    }

    /** Writes every cell and user touched. */
    void write() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attribution_cells (counts, sums,"
                + " latency, experiment, generation, variant, period) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE attribution_cells SET counts = ?,"
                     + " sums = ?, latency = ? WHERE experiment = ? AND generation = ? AND variant = ?"
                     + " AND period = ?")) {
            for (Map.Entry<CellKey, CellSums> entry : cells.entrySet()) {
                PreparedStatement statement = storedCells.contains(entry.getKey()) ? update : insert;
                statement.setString(1, AttributionRows.counts(entry.getValue()));
                statement.setString(2, AttributionRows.sums(entry.getValue()));
                statement.setString(3, AttributionRows.latency(entry.getValue()));
                bindCell(statement, 4, entry.getKey());
                statement.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attribution_users (impressions,"
                + " clicks, purchases, purchase_value, interleaved_requests, score_for_b, experiment, generation,"
                + " variant, period, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE attribution_users SET impressions = ?,"
                     + " clicks = ?, purchases = ?, purchase_value = ?, interleaved_requests = ?, score_for_b = ?"
                     + " WHERE experiment = ? AND generation = ?"
                     + " AND variant = ? AND period = ? AND user_id = ?")) {
            for (Map.Entry<UserKey, double[]> entry : users.entrySet()) {
                PreparedStatement statement = storedUsers.contains(entry.getKey()) ? update : insert;
                for (int c = 0; c < CellSums.USER_COLUMNS; c++) {
                    statement.setDouble(c + 1, entry.getValue()[c]);
                }
                bindCell(statement, CellSums.USER_COLUMNS + 1, entry.getKey().cell());
                statement.setString(CellSums.USER_COLUMNS + 5, entry.getKey().user().value());
                statement.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private CellSums cell(CellKey key) throws SQLException {
        CellSums cell = cells.get(key);
        if (cell != null) {
            return cell;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT counts, sums, latency FROM"
                + " attribution_cells WHERE experiment = ? AND generation = ? AND variant = ? AND period = ?")) {
            bindCell(select, 1, key);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    cell = AttributionRows.cell(row.getString(1), row.getString(2), row.getString(3));
                    storedCells.add(key);
                } else {
                    cell = new CellSums();
                }
            }
        }
        cells.put(key, cell);
        return cell;
    }

    private double[] readUser(UserKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT impressions, clicks, purchases,"
                + " purchase_value, interleaved_requests, score_for_b FROM attribution_users WHERE experiment = ? AND generation = ? AND variant = ?"
                + " AND period = ? AND user_id = ?")) {
            bindCell(select, 1, key.cell());
            select.setString(5, key.user().value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                storedUsers.add(key);
                double[] totals = new double[CellSums.USER_COLUMNS];
                for (int c = 0; c < totals.length; c++) {
                    totals[c] = row.getDouble(c + 1);
                }
                return totals;
            }
        }
    }

    /** Records the list's items in the cell, in one batch; returns how many it had not served before. */
    private int claimItems(CellKey key, CellIncrement increment) throws SQLException {
        int claimed = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attribution_items (experiment,"
                + " generation, variant, period, item_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (ServedItem item : increment.list().items()) {
                bindCell(insert, 1, key);
                insert.setString(5, item.item().value());
                insert.addBatch();
            }
            for (int count : insert.executeBatch()) {
                claimed += Math.max(0, count);
            }
        }
        return claimed;
    }

    private static void bindCell(PreparedStatement statement, int at, CellKey key) throws SQLException {
        statement.setString(at, key.experiment());
        statement.setLong(at + 1, key.generation());
        statement.setString(at + 2, key.variant());
        statement.setString(at + 3, key.period());
    }
}
