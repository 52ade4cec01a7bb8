package io.tandem.adapters.out.jdbc;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.experiment.port.out.ExperimentStoreContract;
import io.tandem.application.experiment.port.out.OnlineMetricsStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The experiment store's and the online-metric store's contracts on one migrated database; each subclass supplies
 * the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcExperimentStoresContract {

    private JdbcAdaptersContract.Database database;
    private ApplicationContext context;

    abstract JdbcAdaptersContract.Database createDatabase() throws SQLException;

    abstract void dropDatabase(JdbcAdaptersContract.Database database) throws SQLException;

    @BeforeAll
    void startContext() throws SQLException {
        database = createDatabase();
        context = JdbcAdaptersContract.start(database);
        JdbcSchema.migrate(context.getBean(DataSource.class));
    }

    @AfterAll
    void stopContext() throws SQLException {
        if (context != null) {
            context.close();
        }
        if (database != null) {
            dropDatabase(database);
        }
    }

    /** The database's transactions, after emptying {@code tables} in this order. */
    private TransactionOperations<Connection> emptied(String... tables) {
        try (Connection connection = JdbcAdaptersContract.connect(database);
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return JdbcAdaptersContract.transactionsIn(context);
    }

    @Nested
    class Experiments extends ExperimentStoreContract {

        @Override
        protected Store emptyStore() {
            return Store.of(new JdbcExperimentsAdapter(emptied("experiment_variants", "experiments")));
        }
    }

    @Nested
    class OnlineMetrics extends OnlineMetricsStoreContract {

        @Override
        protected Store emptyStore() {
            return Store.of(new JdbcOnlineMetricsAdapter(emptied("experiment_metrics", "experiment_tests")));
        }
    }
}
