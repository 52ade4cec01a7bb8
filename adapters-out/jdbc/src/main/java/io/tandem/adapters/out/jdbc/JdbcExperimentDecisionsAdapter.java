package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.registry.port.out.LoadExperimentDecisionsPort;
import io.tandem.application.registry.port.out.RecordExperimentDecisionPort;
import io.tandem.domain.experiment.decision.DecisionOutcome;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.decision.VariantEvidence;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.model.ModelRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Experiment decisions with their evidence as rows of {@code model_version_decisions} (Flyway V11), beside the
 * registry's versions. The table's unique key keeps one decision per version and experiment: a second insert is
 * skipped by the database, so two instances deciding at once store the first decision only.
 */
public final class JdbcExperimentDecisionsAdapter implements RecordExperimentDecisionPort,
        LoadExperimentDecisionsPort {

    private static final List<String> COLUMNS = List.of("model_name", "model_version", "experiment", "outcome",
            "decided_at", "metric", "control_variant", "control_users", "control_impressions", "control_value",
            "control_low", "control_high", "control_p99_ms", "control_fallback_share", "challenger_variant",
            "challenger_users", "challenger_impressions", "challenger_value", "challenger_low", "challenger_high",
            "challenger_p99_ms", "challenger_fallback_share", "difference", "always_valid_low", "always_valid_high",
            "always_valid_p", "looks", "srm_p", "srm_mismatch", "guardrails_held", "offline_gate_passed", "reason");
    /** SQLSTATE of a unique-key violation, the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM model_version_decisions";
    /** Insert unless the key exists, in SQL that PostgreSQL and H2 both run, without an exception to recover from. */
    private static final String INSERT = "INSERT INTO model_version_decisions (" + String.join(", ", COLUMNS)
            + ") SELECT " + String.join(", ", Collections.nCopies(COLUMNS.size(), "?"))
            + " WHERE NOT EXISTS (SELECT 1 FROM model_version_decisions WHERE model_name = ? AND model_version = ?"
            + " AND experiment = ?)";

    private final TransactionOperations<Connection> transactions;

    public JdbcExperimentDecisionsAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Thrown out of the transaction, which rolls it back, when another instance recorded the decision first. */
    private static final class RecordedMeanwhile extends RuntimeException {
        RecordedMeanwhile() {
            super(null, null, false, false);
        }
    }

    @Override
    public boolean recordDecision(ExperimentDecision decision) {
        try {
            return SqlTransactions.write(transactions, "recording the decision of experiment "
                    + decision.experiment(), connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    int at = bind(insert, decision);
                    insert.setString(at++, decision.version().name());
                    insert.setString(at++, decision.version().version());
                    insert.setString(at, decision.experiment());
                    return insert.executeUpdate() == 1;
                } catch (SQLException e) {
                    // Two instances inserting at the same moment: the key keeps the first, as promised.
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new RecordedMeanwhile();
                    }
                    throw e;
                }
            });
        } catch (RecordedMeanwhile e) {
            return false;
        }
    }

    @Override
    public List<ExperimentDecision> loadModelDecisions(String model) {
        return select("model_name", model);
    }

    @Override
    public List<ExperimentDecision> loadExperimentDecisions(String experiment) {
        return select("experiment", experiment);
    }

    private List<ExperimentDecision> select(String column, String value) {
        return SqlTransactions.read(transactions, "reading experiment decisions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE " + column
                    + " = ? ORDER BY seq")) {
                select.setString(1, value);
                List<ExperimentDecision> decisions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        decisions.add(decision(rows));
                    }
                }
                return decisions;
            }
        });
    }

    private static int bind(PreparedStatement statement, ExperimentDecision decision) throws SQLException {
        int at = 1;
        statement.setString(at++, decision.version().name());
        statement.setString(at++, decision.version().version());
        statement.setString(at++, decision.experiment());
        statement.setString(at++, decision.outcome().wireName());
        statement.setObject(at++, SqlTimestamps.of(decision.decidedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(at++, decision.metric().wireName());
        at = bindVariant(statement, at, decision.control());
        at = bindVariant(statement, at, decision.challenger());
        bindDouble(statement, at++, decision.difference());
        bindEnd(statement, at++, decision.alwaysValidInterval().low());
        bindEnd(statement, at++, decision.alwaysValidInterval().high());
        statement.setDouble(at++, decision.alwaysValidPValue());
        statement.setInt(at++, decision.looks());
        statement.setDouble(at++, decision.sampleRatioPValue());
        statement.setBoolean(at++, decision.sampleRatioMismatch());
        statement.setBoolean(at++, decision.guardrailsHeld());
        statement.setBoolean(at++, decision.offlineGatePassed());
        statement.setString(at++, decision.reason());
        return at;
    }

    private static int bindVariant(PreparedStatement statement, int first, VariantEvidence variant)
            throws SQLException {
        int at = first;
        statement.setString(at++, variant.variant());
        statement.setLong(at++, variant.users());
        statement.setLong(at++, variant.impressions());
        statement.setDouble(at++, variant.metric());
        bindEnd(statement, at++, variant.metricInterval().low());
        bindEnd(statement, at++, variant.metricInterval().high());
        statement.setDouble(at++, variant.p99LatencyMillis());
        statement.setDouble(at++, variant.fallbackShare());
        return at;
    }

    private static ExperimentDecision decision(ResultSet row) throws SQLException {
        return new ExperimentDecision(row.getString("experiment"),
                new ModelRef(row.getString("model_name"), row.getString("model_version")),
                DecisionOutcome.fromWireName("outcome", row.getString("outcome")),
                row.getObject("decided_at", OffsetDateTime.class).toInstant(),
                PrimaryMetric.fromWireName("metric", row.getString("metric")), variant(row, "control"),
                variant(row, "challenger"), optionalDouble(row, "difference"), interval(row, "always_valid"),
                row.getDouble("always_valid_p"), row.getInt("looks"), row.getDouble("srm_p"),
                row.getBoolean("srm_mismatch"), row.getBoolean("guardrails_held"),
                row.getBoolean("offline_gate_passed"), row.getString("reason"));
    }

    private static VariantEvidence variant(ResultSet row, String prefix) throws SQLException {
        return new VariantEvidence(row.getString(prefix + "_variant"), row.getLong(prefix + "_users"),
                row.getLong(prefix + "_impressions"), row.getDouble(prefix + "_value"), interval(row, prefix),
                row.getDouble(prefix + "_p99_ms"), row.getDouble(prefix + "_fallback_share"));
    }

    /** The interval of columns {@code <prefix>_low} and {@code <prefix>_high}, NULL meaning unbounded. */
    private static Interval interval(ResultSet row, String prefix) throws SQLException {
        double low = row.getDouble(prefix + "_low");
        if (row.wasNull()) {
            low = Double.NEGATIVE_INFINITY;
        }
        double high = row.getDouble(prefix + "_high");
        if (row.wasNull()) {
            high = Double.POSITIVE_INFINITY;
        }
        return new Interval(low, high);
    }

    private static OptionalDouble optionalDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static void bindDouble(PreparedStatement statement, int index, OptionalDouble value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setDouble(index, value.getAsDouble());
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    private static void bindEnd(PreparedStatement statement, int index, double end) throws SQLException {
        if (Double.isInfinite(end)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, end);
        }
    }
}
