package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/** The plain-JDBC stores' contracts on the embedded database: H2 in PostgreSQL mode. */
class H2StoreContractsTest extends JdbcStoreContracts {

    @Override
    JdbcAdaptersContract.Database createDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void dropDatabase(JdbcAdaptersContract.Database database) throws SQLException {
        TestDatabases.dropH2(database);
    }
}
