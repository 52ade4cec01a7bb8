package io.tandem.adapters.out.jdbc;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Creates and upgrades the tables of the jdbc adapters by running this module's Flyway migrations. */
public final class JdbcSchema {

    /** Where the migrations live; the same files serve PostgreSQL and H2 in PostgreSQL mode. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private JdbcSchema() {
    }

    /**
     * Applies the pending migrations to the schema that {@code dataSource}'s connections use and returns
     * how many ran. Safe to call at every start and from several processes: Flyway locks its history table.
     */
    public static int migrate(DataSource dataSource) {
        // Micronaut Data wraps the pool in a DataSource that only works inside its connection scope;
        // Flyway manages its own connections, so it gets the pool underneath.
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        return Flyway.configure(JdbcSchema.class.getClassLoader())
                .dataSource(pool)
                .locations(MIGRATIONS)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
