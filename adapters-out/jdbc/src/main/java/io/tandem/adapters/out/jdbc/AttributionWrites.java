package io.tandem.adapters.out.jdbc;

import io.tandem.application.experiment.port.out.MetricGenerations;
import io.tandem.application.experiment.port.out.RequestChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The statements of one call that adds changes, inside its transaction (see {@link JdbcOnlineMetricsAdapter}). */
final class AttributionWrites {

    /** Locks an experiment's generations row and reads it. */
    @FunctionalInterface
    interface GenerationLock {
        MetricGenerations lock(String experiment) throws SQLException;
    }

    private static final List<String> TABLES = List.of("attribution_requests", "attribution_cells",
            "attribution_users", "attribution_items");

    private AttributionWrites() {
    }

    /** Adds {@code changes}, or nothing and false when a version or generation moved. */
    static boolean add(Connection connection, List<RequestChange> changes, GenerationLock lock) throws SQLException {
        Map<String, MetricGenerations> locked = new HashMap<>();
        for (String experiment : new TreeSet<>(changes.stream().map(RequestChange::experiment).toList())) {
            locked.put(experiment, lock.lock(experiment));
        }
        List<RequestChange> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing(RequestChange::requestId).thenComparing(RequestChange::generation));
        Map<RequestChange, String> stored = new HashMap<>();
        for (RequestChange change : ordered) {
            if (!locked.get(change.experiment()).written().contains(change.generation())) {
                return false;
            }
            String followUps = followUpsAt(connection, change);
            if (followUps == null) {
                return false;
            }
            stored.put(change, followUps);
        }
        AttributionCells cells = new AttributionCells(connection);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attribution_requests (version,"
                + " follow_ups, expires_at, experiment, generation, request_id) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE attribution_requests SET version = ?,"
                     + " follow_ups = ?, expires_at = ? WHERE experiment = ? AND generation = ? AND request_id = ?")) {
            for (RequestChange change : ordered) {
                PreparedStatement statement = change.expectedVersion() == 0 ? insert : update;
                String added = AttributionRows.followUps(change.added());
                String before = stored.get(change);
                statement.setLong(1, change.expectedVersion() + 1);
                statement.setString(2, before.isEmpty() ? added : added.isEmpty() ? before : before + "\u001E" + added);
                statement.setTimestamp(3, Timestamp.from(change.expiresAt()));
                statement.setString(4, change.experiment());
                statement.setLong(5, change.generation());
                statement.setString(6, change.requestId());
                statement.executeUpdate();
                if (change.increment().isPresent()) {
                    cells.add(change.generation(), change.increment().get());
                }
            }
        }
        cells.write();
        return true;
    }

    /** The stored follow-ups of the change's request ("" when none), or null when its version is not the expected. */
    private static String followUpsAt(Connection connection, RequestChange change) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version, follow_ups FROM"
                + " attribution_requests WHERE experiment = ? AND generation = ? AND request_id = ?")) {
            select.setString(1, change.experiment());
            select.setLong(2, change.generation());
            select.setString(3, change.requestId());
            try (ResultSet row = select.executeQuery()) {
                long version = row.next() ? row.getLong(1) : 0;
                if (version != change.expectedVersion()) {
                    return null;
                }
                return version == 0 ? "" : row.getString(2);
            }
        }
    }

    /** Deletes every row of {@code experiment} whose generation matches {@code condition} (one ? parameter). */
    static void dropGenerations(Connection connection, String experiment, String condition, long generation)
            throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE experiment = ? AND " + condition)) {
                delete.setString(1, experiment);
                delete.setLong(2, generation);
                delete.executeUpdate();
            }
        }
    }

}
