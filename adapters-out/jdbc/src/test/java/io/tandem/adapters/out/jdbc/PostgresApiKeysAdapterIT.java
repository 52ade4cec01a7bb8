package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/** The key store's contract on the real PostgreSQL server, in a schema of its own. */
class PostgresApiKeysAdapterIT extends JdbcApiKeysContract {

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
