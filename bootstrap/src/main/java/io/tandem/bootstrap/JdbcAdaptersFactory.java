package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import io.tandem.adapters.out.jdbc.ItemRowRepository;
import io.tandem.adapters.out.jdbc.JdbcApiKeysAdapter;
import io.tandem.adapters.out.jdbc.JdbcCatalogAdapter;
import io.tandem.adapters.out.jdbc.JdbcEventIdsAdapter;
import io.tandem.adapters.out.jdbc.JdbcExperimentsAdapter;
import io.tandem.adapters.out.jdbc.JdbcJobsAdapter;
import io.tandem.adapters.out.jdbc.JdbcModelRegistryAdapter;
import io.tandem.adapters.out.jdbc.JdbcOnlineMetricsAdapter;
import io.tandem.adapters.out.jdbc.JobRowRepository;
import io.tandem.adapters.out.jdbc.ModelVersionRowRepository;
import io.tandem.adapters.out.jdbc.JdbcSchema;
import io.tandem.adapters.out.jdbc.UserRowRepository;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * The relational stores on {@code datasources.default}: H2 in a local file when embedded, PostgreSQL in
 * production. The schema is migrated once, before the first adapter is built.
 */
@Factory
final class JdbcAdaptersFactory {

    /** Marks the schema as migrated; adapters depend on it so that migration always comes first. */
    record MigratedSchema(int migrationsApplied) {
    }

    @Singleton
    @Requires(property = "datasources.default.url")
    MigratedSchema migratedSchema(DataSource dataSource) {
        return new MigratedSchema(JdbcSchema.migrate(dataSource));
    }

    @Singleton
    @Requires(property = "tandem.catalog", value = "jdbc", defaultValue = "jdbc")
    JdbcCatalogAdapter catalog(MigratedSchema schema, TransactionOperations<Connection> transactions,
                               ItemRowRepository items, UserRowRepository users) {
        return new JdbcCatalogAdapter(transactions, items, users);
    }

    @Singleton
    JdbcModelRegistryAdapter modelRegistry(MigratedSchema schema, TransactionOperations<Connection> transactions,
                                           ModelVersionRowRepository versions) {
        return new JdbcModelRegistryAdapter(transactions, versions);
    }

    @Singleton
    @Requires(property = "tandem.jobs", value = "jdbc", defaultValue = "jdbc")
    JdbcJobsAdapter jobs(MigratedSchema schema, TransactionOperations<Connection> transactions, JobRowRepository jobs) {
        return new JdbcJobsAdapter(transactions, jobs);
    }

    @Singleton
    @Requires(property = "tandem.auth.keys", value = "jdbc", defaultValue = "jdbc")
    JdbcApiKeysAdapter apiKeys(MigratedSchema schema, TransactionOperations<Connection> transactions) {
        return new JdbcApiKeysAdapter(transactions);
    }

    @Singleton
    @Requires(property = "tandem.event-ids", value = "jdbc")
    JdbcEventIdsAdapter eventIds(MigratedSchema schema, TransactionOperations<Connection> transactions) {
        return new JdbcEventIdsAdapter(transactions);
    }

    @Singleton
    @Requires(property = "tandem.experiments.store", value = "jdbc", defaultValue = "jdbc")
    JdbcExperimentsAdapter experiments(MigratedSchema schema, TransactionOperations<Connection> transactions) {
        return new JdbcExperimentsAdapter(transactions);
    }

    @Singleton
    @Requires(property = "tandem.experiments.store", value = "jdbc", defaultValue = "jdbc")
    JdbcOnlineMetricsAdapter onlineMetrics(MigratedSchema schema, TransactionOperations<Connection> transactions) {
        return new JdbcOnlineMetricsAdapter(transactions);
    }
}
