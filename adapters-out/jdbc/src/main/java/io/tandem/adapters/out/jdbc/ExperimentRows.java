package io.tandem.adapters.out.jdbc;

import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Experiments and their variants as rows of {@code experiments} and {@code experiment_variants}, both ways. */
final class ExperimentRows {

    static final String EXPERIMENT_COLUMNS = "name, salt, surface, holdout, status, started_at, stopped_at,"
            + " auto_promote, design";
    static final String VARIANT_COLUMNS = "experiment, position, name, share, model, model_name, model_version,"
            + " diversity, exploration_places, candidates_per_retriever";

    private static final String CHAMPION = "champion";
    private static final String VERSION = "version";
    private static final String FALLBACK = "fallback";

    private ExperimentRows() {
    }

    /** The columns an experiment's change rewrites: all but the name. */
    static final String STATE_COLUMNS = "salt, surface, holdout, status, started_at, stopped_at, auto_promote,"
            + " design";

    /** Binds the parameters of {@link #EXPERIMENT_COLUMNS}. */
    static void bindExperiment(PreparedStatement statement, Experiment experiment) throws SQLException {
        statement.setString(1, experiment.name());
        bindState(statement, 2, experiment);
    }

    /** Binds the parameters of {@link #STATE_COLUMNS} from {@code first} on; returns the next index. */
    static int bindState(PreparedStatement statement, int first, Experiment experiment) throws SQLException {
        int at = first;
        statement.setString(at++, experiment.salt());
        statement.setString(at++, experiment.surface().orElse(null));
        bindDouble(statement, at++, experiment.holdout());
        statement.setString(at++, experiment.status().wireName());
        bindInstant(statement, at++, experiment.startedAt());
        bindInstant(statement, at++, experiment.stoppedAt());
        statement.setBoolean(at++, experiment.autoPromote());
        statement.setString(at++, experiment.design().wireName());
        return at;
    }

    /** Binds the parameters of {@link #VARIANT_COLUMNS} for the variant at {@code position} (from 0). */
    static void bindVariant(PreparedStatement statement, String experiment, int position, Variant variant)
            throws SQLException {
        statement.setString(1, experiment);
        statement.setInt(2, position);
        statement.setString(3, variant.name());
        statement.setDouble(4, variant.share());
        if (variant.model() instanceof VariantModel.Version pinned) {
            bindModel(statement, VERSION, pinned.ref().name(), pinned.ref().version());
        } else {
            bindModel(statement, variant.model() instanceof VariantModel.Champion ? CHAMPION : FALLBACK, null, null);
        }
        ServingOptions options = variant.options();
        bindDouble(statement, 8, options.diversity());
        bindInt(statement, 9, options.explorationPlaces());
        bindInt(statement, 10, options.candidatesPerRetriever());
    }

    /** The experiment of the current row of {@link #EXPERIMENT_COLUMNS}, with its variants in order. */
    static Experiment experiment(ResultSet row, List<Variant> variants) throws SQLException {
        double holdout = row.getDouble("holdout");
        OptionalDouble holdoutShare = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(holdout);
        return new Experiment(row.getString("name"), row.getString("salt"),
                Optional.ofNullable(row.getString("surface")), variants, holdoutShare,
                ExperimentStatus.fromWireName("status", row.getString("status")), instant(row, "started_at"),
                instant(row, "stopped_at"), row.getBoolean("auto_promote"),
                ExperimentDesign.fromWireName("design", row.getString("design")));
    }

    /** The variant of the current row of {@link #VARIANT_COLUMNS}. */
    static Variant variant(ResultSet row) throws SQLException {
        VariantModel model = switch (row.getString("model")) {
            case CHAMPION -> VariantModel.champion();
            case VERSION -> VariantModel.version(row.getString("model_name"), row.getString("model_version"));
            case FALLBACK -> VariantModel.ruleBasedFallback();
            default -> throw new SQLException("unknown variant model '" + row.getString("model") + "'");
        };
        double diversity = row.getDouble("diversity");
        OptionalDouble diversityOption = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(diversity);
        ServingOptions options = new ServingOptions(diversityOption, optionalInt(row, "exploration_places"),
                optionalInt(row, "candidates_per_retriever"));
        return new Variant(row.getString("name"), row.getDouble("share"), model, options);
    }

    private static void bindModel(PreparedStatement statement, String model, String name, String version)
            throws SQLException {
        statement.setString(5, model);
        statement.setString(6, name);
        statement.setString(7, version);
    }

    private static void bindDouble(PreparedStatement statement, int index, OptionalDouble value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setDouble(index, value.getAsDouble());
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    private static void bindInt(PreparedStatement statement, int index, OptionalInt value) throws SQLException {
        if (value.isPresent()) {
            statement.setInt(index, value.getAsInt());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private static void bindInstant(PreparedStatement statement, int index, Optional<Instant> value)
            throws SQLException {
        statement.setObject(index, value.map(SqlTimestamps::of).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static OptionalInt optionalInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
