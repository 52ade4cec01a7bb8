package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/** The key store's contract on the embedded database: H2 in PostgreSQL mode. */
class H2ApiKeysAdapterTest extends JdbcApiKeysContract {

    @Override
    JdbcAdaptersContract.Database createDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void dropDatabase(JdbcAdaptersContract.Database database) throws SQLException {
        TestDatabases.dropH2(database);
    }
}
