package io.tandem.adapters.out.jdbc;

import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Optional;

/** Converts between registry rows and the domain's model versions. */
final class RegistryRows {

    private RegistryRows() {
    }

    static ModelVersion version(ModelVersionRow row) {
        Optional<FeatureSchema> schema = row.schemaVersion() == null || row.schemaFeatures() == null
                ? Optional.empty()
                : Optional.of(new FeatureSchema(row.schemaVersion(), Arrays.asList(row.schemaFeatures())));
        return new ModelVersion(row.name(), row.version(), ModelKind.fromWireName("kind", row.kind()),
                ModelStage.fromWireName("stage", row.stage()),
                new ModelMetrics(row.holdOut(), MetricsJson.read(row.metrics())), schema,
                URI.create(row.artifactUri()), new TrainingWindow(row.windowFrom(), row.windowTo()),
                Optional.ofNullable(row.parentVersion()), row.createdAt(), MetricsJson.readText(row.metadata()));
    }

    /** Binds the parameters of {@link JdbcModelRegistryAdapter}'s insert. */
    static void bindVersion(PreparedStatement statement, Connection connection, ModelVersion version)
            throws SQLException {
        statement.setString(1, version.name());
        statement.setString(2, version.version());
        statement.setString(3, version.kind().wireName());
        statement.setString(4, version.stage().wireName());
        statement.setString(5, version.metrics().holdOut());
        statement.setString(6, MetricsJson.write(version.metrics().values()));
        if (version.schema().isPresent()) {
            statement.setString(7, version.schema().get().version());
            statement.setArray(8, connection.createArrayOf("varchar",
                    version.schema().get().features().toArray(String[]::new)));
        } else {
            statement.setNull(7, Types.VARCHAR);
            statement.setNull(8, Types.ARRAY);
        }
        statement.setString(9, version.artifactUri().toString());
        statement.setObject(10, SqlTimestamps.of(version.trainingWindow().from()));
        statement.setObject(11, SqlTimestamps.of(version.trainingWindow().to()));
        statement.setString(12, version.parent().orElse(null));
        statement.setObject(13, SqlTimestamps.of(version.createdAt()));
        statement.setString(14, MetricsJson.writeText(version.metadata()));
    }
}
