package io.tandem.adapters.out.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Reads rows of {@code model_versions}; a bean that bootstrap hands to {@link JdbcModelRegistryAdapter}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ModelVersionRowRepository extends GenericRepository<ModelVersionRow, Long> {

    String COLUMNS = "id, name, version, kind, stage, hold_out, metrics, schema_version, schema_features,"
            + " artifact_uri, window_from, window_to, parent_version, created_at, metadata";

    Optional<ModelVersionRow> findByNameAndVersion(String name, String version);

    /** Newest first: ids grow with each registration. */
    @Query("SELECT " + COLUMNS + " FROM model_versions WHERE name = :name ORDER BY id DESC")
    List<ModelVersionRow> findByNameNewestFirst(String name);

    /**
     * The version a rollback would restore: the newest entry of the champion history naming another version than
     * the current champion; none without a champion (the comparison with no row is unknown, so nothing matches).
     */
    @Query("SELECT " + COLUMNS + " FROM model_versions WHERE name = :name AND version = (SELECT h.version"
            + " FROM model_champions h WHERE h.name = :name AND h.version <> (SELECT c.version FROM model_versions c"
            + " WHERE c.name = :name AND c.stage = 'champion') ORDER BY h.id DESC LIMIT 1)")
    Optional<ModelVersionRow> findPreviousChampion(String name);

    /** Every version, grouped by model name and oldest first within a model. */
    @Query("SELECT " + COLUMNS + " FROM model_versions ORDER BY name, id")
    List<ModelVersionRow> findAllByNameOldestFirst();
}
