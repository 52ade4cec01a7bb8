package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.SaveExperimentPort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.Variant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The experiment store as rows of {@code experiments} and {@code experiment_variants} (ADR-0024). A change first
 * updates the one row of {@code experiment_changes}; its lock holds every other change back until this one commits,
 * so the experiments a change reads are the ones it is checked against, on every instance sharing the database.
 */
public final class JdbcExperimentsAdapter implements SaveExperimentPort, LoadExperimentPort, ListExperimentsPort,
        ChangeExperimentPort {

    /** SQLSTATE of a unique-key violation, the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT_EXPERIMENTS = "SELECT " + ExperimentRows.EXPERIMENT_COLUMNS
            + " FROM experiments";
    private static final String SELECT_VARIANTS = "SELECT " + ExperimentRows.VARIANT_COLUMNS
            + " FROM experiment_variants";

    private static final String UPDATE_STATE = "UPDATE experiments SET "
            + ExperimentRows.STATE_COLUMNS.replace(",", " = ?,") + " = ? WHERE name = ?";

    private final TransactionOperations<Connection> transactions;

    public JdbcExperimentsAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Thrown out of the transaction, so it is rolled back rather than committed after a failed statement. */
    private static final class DuplicateName extends RuntimeException {
        DuplicateName() {
            super(null, null, false, false);
        }
    }

    @Override
    public boolean saveExperiment(Experiment experiment) {
        try {
            SqlTransactions.write(transactions, "saving experiment " + experiment.name(), connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO experiments ("
                        + ExperimentRows.EXPERIMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ExperimentRows.bindExperiment(insert, experiment);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new DuplicateName();
                    }
                    throw e;
                }
                insertVariants(connection, experiment);
                return null;
            });
            return true;
        } catch (DuplicateName e) {
            return false;
        }
    }

    @Override
    public Optional<Experiment> loadExperiment(String name) {
        return SqlTransactions.read(transactions, "reading experiment " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_EXPERIMENTS + " WHERE name = ?");
                 PreparedStatement variants = connection.prepareStatement(SELECT_VARIANTS
                         + " WHERE experiment = ? ORDER BY position")) {
                select.setString(1, name);
                variants.setString(1, name);
                List<Variant> found = new ArrayList<>();
                try (ResultSet rows = variants.executeQuery()) {
                    while (rows.next()) {
                        found.add(ExperimentRows.variant(rows));
                    }
                }
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(ExperimentRows.experiment(rows, found))
                            : Optional.<Experiment>empty();
                }
            }
        });
    }

    @Override
    public List<Experiment> listExperiments() {
        return SqlTransactions.read(transactions, "listing experiments", JdbcExperimentsAdapter::all);
    }

    @Override
    public Optional<Experiment> changeExperiment(String name,
                                                 BiFunction<Experiment, List<Experiment>, Experiment> change) {
        return SqlTransactions.write(transactions, "changing experiment " + name, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "UPDATE experiment_changes SET changes = changes + 1 WHERE id = 1")) {
                lock.executeUpdate();
            }
            List<Experiment> all = all(connection);
            Optional<Experiment> stored = all.stream().filter(experiment -> experiment.name().equals(name))
                    .findFirst();
            if (stored.isEmpty()) {
                return Optional.<Experiment>empty();
            }
            Experiment changed = change.apply(stored.get(), all);
            if (!changed.name().equals(name)) {
                throw new IllegalArgumentException("a change must keep the experiment's name '" + name + "'");
            }
            try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE);
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM experiment_variants WHERE experiment = ?")) {
                int next = ExperimentRows.bindState(update, 1, changed);
                update.setString(next, name);
                update.executeUpdate();
                delete.setString(1, name);
                delete.executeUpdate();
            }
            insertVariants(connection, changed);
            return Optional.of(changed);
        });
    }

    private static void insertVariants(Connection connection, Experiment experiment) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO experiment_variants ("
                + ExperimentRows.VARIANT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int position = 0; position < experiment.variants().size(); position++) {
                ExperimentRows.bindVariant(insert, experiment.name(), position, experiment.variants().get(position));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every experiment in the order of creation, read in two statements. */
    private static List<Experiment> all(Connection connection) throws SQLException {
        Map<String, List<Variant>> variants = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_VARIANTS
                + " ORDER BY experiment, position"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                variants.computeIfAbsent(rows.getString("experiment"), key -> new ArrayList<>())
                        .add(ExperimentRows.variant(rows));
            }
        }
        List<Experiment> experiments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_EXPERIMENTS + " ORDER BY seq");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                experiments.add(ExperimentRows.experiment(rows,
                        variants.getOrDefault(rows.getString("name"), List.of())));
            }
        }
        return experiments;
    }
}
