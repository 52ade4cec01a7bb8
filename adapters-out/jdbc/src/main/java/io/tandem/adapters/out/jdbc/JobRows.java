package io.tandem.adapters.out.jdbc;

import io.micronaut.data.exceptions.DataAccessException;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobStatus;
import io.tandem.domain.jobs.JobType;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** Converts between job rows and the application's jobs. */
final class JobRows {

    private JobRows() {
    }

    static Job job(JobRow row) {
        JobStatus status = JobStatus.fromWireName(row.status())
                .orElseThrow(() -> new DataAccessException("Stored job " + row.id() + " has unknown status "
                        + row.status()));
        return new Job(row.id(), new JobType(row.type()), status, row.progress(), row.message(), row.queuedAt(),
                Optional.ofNullable(row.startedAt()), Optional.ofNullable(row.finishedAt()));
    }

    /** Binds the parameters of {@link SqlDialect#upsertJob()}. */
    static void bindJob(PreparedStatement statement, Job job) throws SQLException {
        statement.setString(1, job.id());
        statement.setString(2, job.type().name());
        statement.setString(3, job.status().wireName());
        statement.setDouble(4, job.progress());
        statement.setString(5, job.message());
        statement.setObject(6, SqlTimestamps.of(job.queuedAt()));
        statement.setObject(7, job.startedAt().map(SqlTimestamps::of).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(8, job.finishedAt().map(SqlTimestamps::of).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
