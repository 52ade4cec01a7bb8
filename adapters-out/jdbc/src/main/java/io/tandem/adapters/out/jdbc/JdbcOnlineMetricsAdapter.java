package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.LoadSequentialTestsPort;
import io.tandem.application.experiment.port.out.SaveOnlineMetricsPort;
import io.tandem.application.experiment.port.out.SaveSequentialTestPort;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SequentialTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Experiments' online metrics as rows of {@code experiment_metrics}, and each challenger's sequential test as a row
 * of {@code experiment_tests}: upserts, so the latest snapshot or look replaces the one before (ADRs 0025, 0026).
 */
public final class JdbcOnlineMetricsAdapter implements LoadOnlineMetricsPort, SaveOnlineMetricsPort,
        LoadSequentialTestsPort, SaveSequentialTestPort {

    /** Group names sort here, not in the database, whose collation may order '-' and '_' differently. */
    private static final Comparator<OnlineMetrics> READ_ORDER = Comparator.comparing(OnlineMetrics::variant)
            .thenComparing(cell -> cell.day().orElse(LocalDate.MIN));
    private static final List<String> TEST_COLUMNS = List.of("experiment", "challenger", "alpha", "mixture_variance",
            "looks", "p_value", "interval_low", "interval_high");
    private static final List<String> TEST_KEY = List.of("experiment", "challenger");

    private final TransactionOperations<Connection> transactions;

    public JdbcOnlineMetricsAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<OnlineMetrics> loadOnlineMetrics(String experiment) {
        return SqlTransactions.read(transactions, "reading the metrics of experiment " + experiment, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT "
                    + String.join(", ", OnlineMetricsRows.COLUMNS) + " FROM experiment_metrics WHERE experiment = ?")) {
                select.setString(1, experiment);
                List<OnlineMetrics> cells = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cells.add(OnlineMetricsRows.cell(rows));
                    }
                }
                cells.sort(READ_ORDER);
                return cells;
            }
        });
    }

    @Override
    public void saveOnlineMetrics(List<OnlineMetrics> cells) {
        if (cells.isEmpty()) {
            return;
        }
        SqlTransactions.write(transactions, "saving " + cells.size() + " metric cells", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SqlDialect.of(connection)
                    .upsert("experiment_metrics", OnlineMetricsRows.COLUMNS, OnlineMetricsRows.KEY))) {
                for (OnlineMetrics cell : cells) {
                    OnlineMetricsRows.bind(upsert, cell);
                    upsert.addBatch();
                }
                return upsert.executeBatch().length;
            }
        });
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
