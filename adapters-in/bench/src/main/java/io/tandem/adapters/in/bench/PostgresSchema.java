package io.tandem.adapters.in.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A PostgreSQL schema of one benchmark run, so the run starts from empty tables (catalog, event-id claims, model
 * registry) whatever earlier runs left: created before Tandem starts, its tables made by Tandem's own
 * migrations, dropped with everything in it at the end, or when the process exits first (a failed start may
 * end the process without unwinding).
 */
final class PostgresSchema implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String name;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread dropAtExit = new Thread(this::drop, "tandem-bench-drop-schema");

    private PostgresSchema(String url, String user, String password, String name) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** @param name lower-case letters, digits and underscores only */
    static PostgresSchema create(String url, String user, String password, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        PostgresSchema schema = new PostgresSchema(url, user, password, name);
        schema.execute("CREATE SCHEMA " + name);
        Runtime.getRuntime().addShutdownHook(schema.dropAtExit);
        return schema;
    }

    String name() {
        return name;
    }

    /** The JDBC URL whose connections use this schema. */
    String url() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs, or ran, and finds the schema dropped.
        }
    }

    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
