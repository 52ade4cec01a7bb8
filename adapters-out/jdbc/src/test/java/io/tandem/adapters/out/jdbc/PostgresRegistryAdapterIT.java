package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/** The model registry's and job store's contract on the real PostgreSQL server, in a schema of its own. */
class PostgresRegistryAdapterIT extends JdbcRegistryContract {

    private final String schema = TestDatabases.uniqueSchema();

    @Override
    JdbcAdaptersContract.Database createDatabase() throws SQLException {
        return TestDatabases.postgresSchema(schema);
    }

    @Override
    void dropDatabase(JdbcAdaptersContract.Database database) throws SQLException {
        TestDatabases.dropPostgresSchema(schema);
    }
}
