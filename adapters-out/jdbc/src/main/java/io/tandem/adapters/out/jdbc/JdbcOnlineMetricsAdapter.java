package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.experiment.port.out.AddOnlineMetricsPort;
import io.tandem.application.experiment.port.out.AttributionState;
import io.tandem.application.experiment.port.out.ForgetAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadMetricGenerationsPort;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.LoadSequentialTestsPort;
import io.tandem.application.experiment.port.out.MetricGenerations;
import io.tandem.application.experiment.port.out.RebuildOnlineMetricsPort;
import io.tandem.application.experiment.port.out.RequestChange;
import io.tandem.application.experiment.port.out.SaveSequentialTestPort;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SequentialTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Experiments' online metrics as additive cells with the attribution state of each open request (V13, ADR-0026
 * amended), and each challenger's sequential test as a row of {@code experiment_tests} (ADR-0025). A call that adds
 * changes is one transaction that first locks the {@code attribution_generations} row of every experiment it
 * touches, in name order: an experiment's cells change one transaction at a time across every instance, and the
 * request versions checked under that lock cannot move before the transaction commits.
 */
public final class JdbcOnlineMetricsAdapter implements LoadOnlineMetricsPort, AddOnlineMetricsPort,
        LoadAttributionStatesPort, LoadMetricGenerationsPort, RebuildOnlineMetricsPort, ForgetAttributionStatesPort,
        LoadSequentialTestsPort, SaveSequentialTestPort {

    /** Group names sort here, not in the database, whose collation may order '-' and '_' differently. */
    private static final Comparator<OnlineMetrics> READ_ORDER = Comparator.comparing(OnlineMetrics::variant)
            .thenComparing(cell -> cell.day().orElse(LocalDate.MIN));
    private static final List<String> TEST_COLUMNS = List.of("experiment", "challenger", "alpha", "mixture_variance",
            "looks", "p_value", "interval_low", "interval_high");
    private static final List<String> TEST_KEY = List.of("experiment", "challenger");
    private static final int IDS_PER_QUERY = 500;

    private final TransactionOperations<Connection> transactions;

    public JdbcOnlineMetricsAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<OnlineMetrics> loadOnlineMetrics(String experiment) {
        return SqlTransactions.read(transactions, "reading the metrics of experiment " + experiment, connection -> {
            long current = generations(connection, experiment, false).current();
            try (PreparedStatement select = connection.prepareStatement("SELECT variant, period, counts, sums,"
                    + " latency FROM attribution_cells WHERE experiment = ? AND generation = ?")) {
                select.setString(1, experiment);
                select.setLong(2, current);
                List<OnlineMetrics> cells = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cells.add(AttributionRows.cell(rows.getString(3), rows.getString(4), rows.getString(5))
                                .snapshot(experiment, rows.getString(1), AttributionRows.day(rows.getString(2))));
                    }
                }
                cells.sort(READ_ORDER);
                return cells;
            }
        });
    }

    @Override
    public Map<String, MetricGenerations> loadMetricGenerations(Set<String> experiments) {
        return SqlTransactions.read(transactions, "reading metric generations", connection -> {
            Map<String, MetricGenerations> found = new HashMap<>();
            for (String experiment : experiments) {
                found.put(experiment, generations(connection, experiment, false));
            }
            return found;
        });
    }

    @Override
    public List<AttributionState> loadAttributionStates(Set<String> requestIds) {
        List<String> ids = List.copyOf(requestIds);
        return SqlTransactions.read(transactions, "reading attribution states", connection -> {
            List<AttributionState> states = new ArrayList<>();
            for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
                List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
                try (PreparedStatement select = connection.prepareStatement("SELECT experiment, generation,"
                        + " request_id, version, follow_ups FROM attribution_requests WHERE request_id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            String requestId = rows.getString(3);
                            states.add(new AttributionState(rows.getString(1), rows.getLong(2), requestId,
                                    rows.getLong(4), AttributionRows.followUps(rows.getString(5), requestId)));
                        }
                    }
                }
            }
            return states;
        });
    }

    @Override
    public boolean addOnlineMetrics(List<RequestChange> changes) {
        if (changes.isEmpty()) {
            return true;
        }
        return SqlTransactions.write(transactions, "adding " + changes.size() + " attribution changes",
                connection -> AttributionWrites.add(connection, changes,
                        experiment -> generations(connection, experiment, true)));
    }

    @Override
    public long beginRebuild(String experiment) {
        return SqlTransactions.write(transactions, "opening a rebuild of " + experiment, connection -> {
            MetricGenerations now = generations(connection, experiment, true);
            long building = Math.max(now.current(), now.building().orElse(now.current())) + 1;
            AttributionWrites.dropGenerations(connection, experiment, "generation > ?", now.current());
            setGenerations(connection, experiment, now.current(), building);
            return building;
        });
    }

    @Override
    public boolean finishRebuild(String experiment, long generation) {
        return SqlTransactions.write(transactions, "finishing a rebuild of " + experiment, connection -> {
            MetricGenerations now = generations(connection, experiment, true);
            if (now.building().isEmpty() || now.building().getAsLong() != generation) {
                return false;
            }
            setGenerations(connection, experiment, generation, null);
            AttributionWrites.dropGenerations(connection, experiment, "generation < ?", generation);
            return true;
        });
    }

    @Override
    public int forgetAttributionStates(Instant now) {
        return SqlTransactions.write(transactions, "forgetting closed attribution states", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM attribution_requests WHERE expires_at < ?")) {
                delete.setTimestamp(1, Timestamp.from(now));
                return delete.executeUpdate();
            }
        });
    }

    /** The experiment's generations; {@code lock} creates its row if needed and locks it to the transaction's end. */
    private static MetricGenerations generations(Connection connection, String experiment, boolean lock)
            throws SQLException {
        if (lock) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attribution_generations"
                    + " (experiment, current_generation) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
                insert.setString(1, experiment);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT current_generation, building_generation"
                + " FROM attribution_generations WHERE experiment = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, experiment);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return MetricGenerations.FIRST;
                }
                long current = row.getLong(1);
                long building = row.getLong(2);
                return new MetricGenerations(current, row.wasNull() ? OptionalLong.empty()
                        : OptionalLong.of(building));
            }
        }
    }

    private static void setGenerations(Connection connection, String experiment, long current, Long building)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE attribution_generations SET"
                + " current_generation = ?, building_generation = ? WHERE experiment = ?")) {
            update.setLong(1, current);
            if (building == null) {
                update.setNull(2, Types.BIGINT);
            } else {
                update.setLong(2, building);
            }
            update.setString(3, experiment);
            update.executeUpdate();
        }
    }

    @Override
    public Map<String, SequentialTest> loadSequentialTests(String experiment) {
        return SqlTransactions.read(transactions, "reading the tests of experiment " + experiment, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", TEST_COLUMNS)
                    + " FROM experiment_tests WHERE experiment = ?")) {
                select.setString(1, experiment);
                Map<String, SequentialTest> tests = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tests.put(rows.getString("challenger"), test(rows));
                    }
                }
                return Map.copyOf(tests);
            }
        });
    }

    @Override
    public void saveSequentialTest(String experiment, String challenger, SequentialTest test) {
        SqlTransactions.write(transactions, "saving the test of " + experiment + "/" + challenger, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SqlDialect.of(connection)
                    .upsert("experiment_tests", TEST_COLUMNS, TEST_KEY))) {
                upsert.setString(1, experiment);
                upsert.setString(2, challenger);
                upsert.setDouble(3, test.test().alpha());
                upsert.setDouble(4, test.test().mixtureVariance());
                upsert.setInt(5, test.looks());
                upsert.setDouble(6, test.pValue());
                bindEnd(upsert, 7, test.interval().low());
                bindEnd(upsert, 8, test.interval().high());
                return upsert.executeUpdate();
            }
        });
    }

    /** An interval end; an unbounded one is NULL, since not every database stores infinities. */
    private static void bindEnd(PreparedStatement statement, int index, double end) throws SQLException {
        if (Double.isInfinite(end)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, end);
        }
    }

    private static SequentialTest test(ResultSet row) throws SQLException {
        double low = row.getDouble("interval_low");
        low = row.wasNull() ? Double.NEGATIVE_INFINITY : low;
        double high = row.getDouble("interval_high");
        high = row.wasNull() ? Double.POSITIVE_INFINITY : high;
        return new SequentialTest(new MixtureSprt(row.getDouble("alpha"), row.getDouble("mixture_variance")),
                row.getInt("looks"), row.getDouble("p_value"), new Interval(low, high));
    }
}
