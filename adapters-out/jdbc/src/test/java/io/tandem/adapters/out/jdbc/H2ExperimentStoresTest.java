package io.tandem.adapters.out.jdbc;

import java.sql.SQLException;

/** The experiment stores' contracts on the embedded database: H2 in PostgreSQL mode. */
class H2ExperimentStoresTest extends JdbcExperimentStoresContract {

    @Override
    JdbcAdaptersContract.Database createDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void dropDatabase(JdbcAdaptersContract.Database database) throws SQLException {
        TestDatabases.dropH2(database);
    }
}
