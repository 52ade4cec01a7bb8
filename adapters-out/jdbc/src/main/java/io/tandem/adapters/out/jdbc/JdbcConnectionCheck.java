package io.tandem.adapters.out.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Whether the database answers at a JDBC URL with the given user: one connection, its metadata, closed again. For
 * {@code tandem config check} and the start-up check that runs before the connection pool and the migrations.
 */
public final class JdbcConnectionCheck {

    private JdbcConnectionCheck() {
    }

    /**
     * @return what answered, for example {@code PostgreSQL 15.20}
     * @throws SQLException saying why when the database cannot be reached or refuses the user
     */
    public static String describe(String url, String user, String password, Duration timeout) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (url.startsWith("jdbc:postgresql:")) {
            // In seconds; the driver's defaults wait up to 10 s for the socket and forever for the login.
            String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            DatabaseMetaData metadata = connection.getMetaData();
            return metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion().split(" ")[0];
        }
    }
}
