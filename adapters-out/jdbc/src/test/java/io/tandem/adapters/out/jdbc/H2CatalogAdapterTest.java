package io.tandem.adapters.out.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The jdbc adapters' contract on the embedded database: H2 in PostgreSQL mode, in memory. */
class H2CatalogAdapterTest extends JdbcAdaptersContract {

    @Override
    Database createDatabase() {
        // DB_CLOSE_DELAY=-1 keeps the database while no pool is open, which the restart test needs.
        String url = "jdbc:h2:mem:tandem_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return new Database(url, "sa", "");
    }

    @Override
    void dropDatabase(Database database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
