package io.tandem.adapters.out.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Reads rows of {@code jobs}; a bean that bootstrap hands to {@link JdbcJobsAdapter}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JobRowRepository extends GenericRepository<JobRow, String> {

    Optional<JobRow> findById(String id);

    @Query("SELECT id, type, status, progress, message, queued_at, started_at, finished_at FROM jobs"
            + " WHERE status IN ('queued', 'running') ORDER BY queued_at, id")
    List<JobRow> findUnfinishedOldestFirst();

    @Query("SELECT id, type, status, progress, message, queued_at, started_at, finished_at FROM jobs"
            + " ORDER BY queued_at DESC, id DESC LIMIT :limit")
    List<JobRow> findNewestFirst(int limit);
}
