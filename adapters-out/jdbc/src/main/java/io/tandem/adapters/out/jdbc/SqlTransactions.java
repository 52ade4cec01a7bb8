package io.tandem.adapters.out.jdbc;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs hand-written JDBC in a Micronaut Data write transaction, so it shares the repositories' connections. */
final class SqlTransactions {

    /** JDBC work on the transaction's connection. */
    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    private SqlTransactions() {
    }

    /**
     * Runs {@code work} in a new or the surrounding write transaction. A {@link SQLException} becomes the
     * unchecked {@link DataAccessException} that the repositories throw too; left checked, Micronaut would
     * rethrow it undeclared.
     */
    static <R> R write(TransactionOperations<Connection> transactions, String action, SqlWork<R> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new DataAccessException("Failed " + action + ": " + e.getMessage(), e);
            }
        });
    }

    /** Runs {@code work} in a read-only transaction; a {@link SQLException} becomes a {@link DataAccessException}. */
    static <R> R read(TransactionOperations<Connection> transactions, String action, SqlWork<R> work) {
        return transactions.executeRead(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new DataAccessException("Failed " + action + ": " + e.getMessage(), e);
            }
        });
    }
}
