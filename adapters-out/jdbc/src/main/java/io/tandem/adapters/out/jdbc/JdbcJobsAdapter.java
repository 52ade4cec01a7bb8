package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.application.jobs.port.out.SaveJobPort;
import io.tandem.domain.jobs.Job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The job store as rows of {@code jobs}: an upsert per state written, reads through a repository. */
public final class JdbcJobsAdapter implements SaveJobPort, LoadJobsPort {

    private final TransactionOperations<Connection> transactions;
    private final JobRowRepository jobs;

    public JdbcJobsAdapter(TransactionOperations<Connection> transactions, JobRowRepository jobs) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    @Override
    public void saveJob(Job job) {
        SqlTransactions.write(transactions, "saving job " + job.id(), connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(SqlDialect.of(connection).upsertJob())) {
                JobRows.bindJob(upsert, job);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Job> loadJob(String id) {
        return jobs.findById(id).map(JobRows::job);
    }

    @Override
    public List<Job> loadUnfinishedJobs() {
        return jobs.findUnfinishedOldestFirst().stream().map(JobRows::job).toList();
    }

    @Override
    public List<Job> loadRecentJobs(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        return jobs.findNewestFirst(limit).stream().map(JobRows::job).toList();
    }
}
