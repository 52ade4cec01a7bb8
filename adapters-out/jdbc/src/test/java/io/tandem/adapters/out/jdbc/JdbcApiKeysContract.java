package io.tandem.adapters.out.jdbc;

import io.micronaut.context.ApplicationContext;
import io.tandem.application.port.out.ApiKeyStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The key store's contract on a migrated database; each subclass supplies the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcApiKeysContract extends ApiKeyStoreContract {

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

    @Override
    protected Store emptyStore() {
        try (Connection connection = JdbcAdaptersContract.connect(database);
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM api_keys");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Store.of(new JdbcApiKeysAdapter(JdbcAdaptersContract.transactionsIn(context)));
    }
}
