package io.tandem.adapters.out.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * The jdbc adapters' contract on the PostgreSQL server that {@code scripts/services.sh up postgres}
 * provides ({@code TANDEM_JDBC_URL} overrides where it is). The tests run in a schema of their own,
 * dropped afterwards; the shared database stays as it was.
 */
class PostgresCatalogAdapterIT extends JdbcAdaptersContract {

    private static final String SERVER = Objects.requireNonNullElse(System.getenv("TANDEM_JDBC_URL"),
            "jdbc:postgresql://127.0.0.1:5432/tandem");
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "";

    private final String schema = "tandem_test_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    Database createDatabase() throws SQLException {
        execute("CREATE SCHEMA " + schema);
        return new Database(SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                USERNAME, PASSWORD);
    }

    @Override
    void dropDatabase(Database database) throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USERNAME, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
