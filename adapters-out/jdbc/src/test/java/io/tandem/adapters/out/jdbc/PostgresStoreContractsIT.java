package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/** The plain-JDBC stores' contracts on the real PostgreSQL server, in a schema of their own. */
class PostgresStoreContractsIT extends JdbcStoreContracts {

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
