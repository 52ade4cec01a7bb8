package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.ListModelsPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.SaveModelVersionPort;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The model registry in PostgreSQL or H2: reads go through a Micronaut Data repository, stage changes are
 * hand-written SQL in one transaction that first locks every version of the model, so concurrent promotions
 * and rollbacks of one model run one after the other. A unique constraint backs the one-champion rule.
 */
public final class JdbcModelRegistryAdapter
        implements SaveModelVersionPort, LoadModelVersionsPort, ListModelsPort, ChangeModelStagesPort {

    private static final String INSERT = "INSERT INTO model_versions (name, version, kind, stage, hold_out, metrics,"
            + " schema_version, schema_features, artifact_uri, window_from, window_to, parent_version, created_at,"
            + " metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String LOCK_MODEL = "SELECT version, stage FROM model_versions WHERE name = ? ORDER BY id"
            + " FOR UPDATE";
    // Archive first: the unique champion_of constraint is checked per statement.
    private static final String ARCHIVE_CHAMPION = "UPDATE model_versions SET stage = 'archived', champion_of = NULL"
            + " WHERE name = ? AND stage = 'champion'";
    private static final String CROWN = "UPDATE model_versions SET stage = 'champion', champion_of = name"
            + " WHERE name = ? AND version = ?";
    private static final String PUSH_CHAMPION = "INSERT INTO model_champions (name, version, promoted_at)"
            + " VALUES (?, ?, CURRENT_TIMESTAMP)";
    private static final String CHAMPION_HISTORY = "SELECT id, version FROM model_champions WHERE name = ?"
            + " ORDER BY id DESC";
    private static final String POP_CHAMPIONS = "DELETE FROM model_champions WHERE name = ? AND id > ?";

    private final TransactionOperations<Connection> transactions;
    private final ModelVersionRowRepository versions;

    public JdbcModelRegistryAdapter(TransactionOperations<Connection> transactions,
                                    ModelVersionRowRepository versions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.versions = Objects.requireNonNull(versions, "versions");
    }

    @Override
    public boolean saveIfAbsent(ModelVersion version) {
        if (version.stage() != ModelStage.CANDIDATE) {
            throw new IllegalArgumentException("a new version enters as a candidate, not as " + version.stage());
        }
        return SqlTransactions.write(transactions, "registering " + version.name() + " " + version.version(),
                connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                        RegistryRows.bindVersion(insert, connection, version);
                        return insert.executeUpdate() == 1;
                    }
                });
    }

    @Override
    public Optional<ModelVersion> loadVersion(String name, String version) {
        return versions.findByNameAndVersion(name, version).map(RegistryRows::version);
    }

    @Override
    public List<ModelVersion> loadVersions(String name) {
        return versions.findByNameNewestFirst(name).stream().map(RegistryRows::version).toList();
    }

    @Override
    public List<RegisteredModel> listModels() {
        Map<String, List<ModelVersion>> byName = new LinkedHashMap<>();
        for (ModelVersionRow row : versions.findAllByNameOldestFirst()) {
            byName.computeIfAbsent(row.name(), n -> new ArrayList<>()).add(RegistryRows.version(row));
        }
        List<RegisteredModel> models = new ArrayList<>(byName.size());
        byName.forEach((name, all) -> {
            ModelVersion latest = all.get(all.size() - 1);
            Optional<String> champion = all.stream().filter(v -> v.stage() == ModelStage.CHAMPION)
                    .map(ModelVersion::version).findFirst();
            models.add(new RegisteredModel(name, latest.kind(), all.size(), champion, latest.version(),
                    latest.createdAt()));
        });
        return models;
    }

    @Override
    public ChampionChange promote(String name, String version) {
        return promote(name, version, null);
    }

    @Override
    public ChampionChange promoteIfChampionIs(String name, String version, Optional<String> expectedChampion) {
        return promote(name, version, Objects.requireNonNull(expectedChampion, "expectedChampion"));
    }

    /** @param expectedChampion null: promote whatever the champion is */
    private ChampionChange promote(String name, String version, Optional<String> expectedChampion) {
        return SqlTransactions.write(transactions, "promoting " + name + " " + version, connection -> {
            Map<String, ModelStage> stages = lockModel(connection, name);
            if (!stages.containsKey(version)) {
                throw ModelNotFoundException.unknownVersion(name, version);
            }
            Optional<String> champion = championIn(stages);
            if (expectedChampion != null && !expectedChampion.equals(champion)) {
                throw new ModelConflictException("name", "the champion of model '" + name + "' is "
                        + champion.orElse("none") + ", no longer " + expectedChampion.orElse("none")
                        + "; evaluate again against the current one");
            }
            if (champion.isPresent() && champion.get().equals(version)) {
                return new ChampionChange(load(name, version), Optional.empty());
            }
            update(connection, ARCHIVE_CHAMPION, name);
            update(connection, CROWN, name, version);
            update(connection, PUSH_CHAMPION, name, version);
            return new ChampionChange(load(name, version), champion.map(archived -> load(name, archived)));
        });
    }

    @Override
    public Optional<ModelVersion> loadPreviousChampion(String name) {
        return versions.findPreviousChampion(name).map(RegistryRows::version);
    }

    @Override
    public ChampionChange rollbackTo(String name, String previousChampion, String expectedChampion) {
        Objects.requireNonNull(previousChampion, "previousChampion");
        Objects.requireNonNull(expectedChampion, "expectedChampion");
        return SqlTransactions.write(transactions, "rolling back " + name + " to " + previousChampion, connection -> {
            Optional<String> champion = championIn(lockModel(connection, name));
            Optional<PastChampion> previous = champion.isEmpty() ? Optional.empty()
                    : previousChampion(connection, name, champion.get());
            if (!champion.equals(Optional.of(expectedChampion))
                    || !previous.map(PastChampion::version).equals(Optional.of(previousChampion))) {
                throw new ModelConflictException("name", "model '" + name + "' changed meanwhile: a rollback would"
                        + " now restore " + previous.map(PastChampion::version).orElse("nothing") + " in place of "
                        + champion.orElse("no champion") + ", not " + previousChampion + " in place of "
                        + expectedChampion + "; roll back again");
            }
            return restore(connection, name, previous.get(), expectedChampion);
        });
    }

    /**
     * The champion before {@code champion}: the newest history entry naming another version (the same rule as
     * {@link ModelVersionRowRepository#findPreviousChampion}).
     */
    private static Optional<PastChampion> previousChampion(Connection connection, String name, String champion)
            throws SQLException {
        try (PreparedStatement history = connection.prepareStatement(CHAMPION_HISTORY)) {
            history.setString(1, name);
            try (ResultSet rows = history.executeQuery()) {
                while (rows.next()) {
                    if (!rows.getString(2).equals(champion)) {
                        return Optional.of(new PastChampion(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Pops the history down to {@code previous} and makes it champion again, archiving {@code champion}. */
    private ChampionChange restore(Connection connection, String name, PastChampion previous, String champion)
            throws SQLException {
        try (PreparedStatement pop = connection.prepareStatement(POP_CHAMPIONS)) {
            pop.setString(1, name);
            pop.setLong(2, previous.id());
            pop.executeUpdate();
        }
        update(connection, ARCHIVE_CHAMPION, name);
        update(connection, CROWN, name, previous.version());
        return new ChampionChange(load(name, previous.version()), Optional.of(load(name, champion)));
    }

    /** Locks every version of the model for this transaction and returns their stages; fails for an unknown model. */
    private static Map<String, ModelStage> lockModel(Connection connection, String name) throws SQLException {
        Map<String, ModelStage> stages = new LinkedHashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_MODEL)) {
            lock.setString(1, name);
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    stages.put(rows.getString(1), ModelStage.fromWireName("stage", rows.getString(2)));
                }
            }
        }
        if (stages.isEmpty()) {
            throw ModelNotFoundException.unknownModel(name);
        }
        return stages;
    }

    private static Optional<String> championIn(Map<String, ModelStage> stages) {
        return stages.entrySet().stream().filter(e -> e.getValue() == ModelStage.CHAMPION).map(Map.Entry::getKey)
                .findFirst();
    }

    private static void update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** An entry of {@code model_champions}. */
    private record PastChampion(long id, String version) {
    }

    /** Reads a version inside the surrounding transaction, so it shows the transaction's own changes. */
    private ModelVersion load(String name, String version) {
        return versions.findByNameAndVersion(name, version).map(RegistryRows::version)
                .orElseThrow(() -> ModelNotFoundException.unknownVersion(name, version));
    }
}
