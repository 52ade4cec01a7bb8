package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/** The jdbc adapters' contract on the embedded database: H2 in PostgreSQL mode, in memory. */
class H2CatalogAdapterTest extends JdbcAdaptersContract {

    @Override
    Database createDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void dropDatabase(Database database) throws SQLException {
        TestDatabases.dropH2(database);
    }
}
