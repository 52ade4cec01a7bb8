package io.tandem.adapters.out.jdbc;

import io.tandem.adapters.out.jdbc.JdbcAdaptersContract.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * The throwaway databases the contract tests run on: an in-memory H2 in PostgreSQL mode, or a schema of its
 * own on the PostgreSQL server that {@code scripts/services.sh up postgres} provides ({@code TANDEM_JDBC_URL}
 * overrides where it is).
 */
final class TestDatabases {

    private static final String POSTGRES = Objects.requireNonNullElse(System.getenv("TANDEM_JDBC_URL"),
            "jdbc:postgresql://127.0.0.1:5432/tandem");
    private static final String POSTGRES_USER = "postgres";
    private static final String POSTGRES_PASSWORD = "";

    private TestDatabases() {
    }

    static Database h2() {
        // DB_CLOSE_DELAY=-1 keeps the database while no pool is open, which the restart tests need.
        return new Database("jdbc:h2:mem:tandem_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    static void dropH2(Database database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    /** A new, empty schema on the shared server, and how to reach it. */
    static Database postgresSchema(String schema) throws SQLException {
        executeOnPostgres("CREATE SCHEMA " + schema);
        return new Database(POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                POSTGRES_USER, POSTGRES_PASSWORD);
    }

    static void dropPostgresSchema(String schema) throws SQLException {
        executeOnPostgres("DROP SCHEMA " + schema + " CASCADE");
    }

    static String uniqueSchema() {
        return "tandem_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void executeOnPostgres(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES, POSTGRES_USER, POSTGRES_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
