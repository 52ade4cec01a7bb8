package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/**
 * The jdbc adapters' contract on the PostgreSQL server that {@code scripts/services.sh up postgres}
 * provides. The tests run in a schema of their own, dropped afterwards; the shared database stays as it was.
 */
class PostgresCatalogAdapterIT extends JdbcAdaptersContract {

    private final String schema = TestDatabases.uniqueSchema();

    @Override
    Database createDatabase() throws SQLException {
        return TestDatabases.postgresSchema(schema);
    }

    @Override
    void dropDatabase(Database database) throws SQLException {
        TestDatabases.dropPostgresSchema(schema);
    }
}
