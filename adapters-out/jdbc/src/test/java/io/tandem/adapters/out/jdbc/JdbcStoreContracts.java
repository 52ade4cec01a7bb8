package io.tandem.adapters.out.jdbc;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.access.port.out.ApiKeyStoreContract;
import io.tandem.application.catalog.port.out.CatalogChangesContract;
import io.tandem.application.catalog.port.out.CatalogStoreContract;
import io.tandem.application.experiment.port.out.ExperimentStoreContract;
import io.tandem.application.experiment.port.out.OnlineMetricsStoreContract;
import io.tandem.application.ingestion.port.out.ClaimEventIdsContract;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.application.jobs.port.out.JobStoreContract;
import io.tandem.application.registry.port.out.ExperimentDecisionStoreContract;
import io.tandem.application.registry.port.out.ModelRegistryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The port contracts of the jdbc stores (catalog, event-id claims, model registry, jobs, API keys, experiments, online
 * metrics, experiment decisions), each as a nested class, on one migrated database per subclass; each test empties
 * the tables of its store first. The adapters run inside a Micronaut context, as in production, because some reads
 * are Micronaut Data repositories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreContracts {

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

    /** The database's transactions, after deleting every row of {@code tables}, in this order. */
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
    class CatalogStore extends CatalogStoreContract {

        @Override
        protected Catalog emptyCatalog() {
            emptied("items", "users");
            return Catalog.of(JdbcAdaptersContract.catalogIn(context));
        }
    }

    @Nested
    class CatalogChanges extends CatalogChangesContract {

        @Override
        protected CatalogStoreContract.Catalog emptyCatalog() {
            emptied("items", "users", "item_deletions");
            return CatalogStoreContract.Catalog.of(JdbcAdaptersContract.catalogIn(context));
        }
    }

    @Nested
    class EventIdClaims extends ClaimEventIdsContract {

        @Override
        protected ClaimEventIdsPort emptyStore() {
            return new JdbcEventIdsAdapter(emptied("event_ids"));
        }

        @Override
        protected ClaimEventIdsPort secondClient(ClaimEventIdsPort store) {
            return new JdbcEventIdsAdapter(JdbcAdaptersContract.transactionsIn(context));
        }
    }

    @Nested
    class ModelRegistry extends ModelRegistryContract {

        @Override
        protected Registry emptyRegistry() {
            emptied("model_champions", "model_versions");
            return Registry.of(JdbcRegistryContract.registryIn(context));
        }
    }

    @Nested
    class JobStore extends JobStoreContract {

        @Override
        protected Jobs emptyStore() {
            emptied("jobs");
            return Jobs.of(JdbcRegistryContract.jobsIn(context));
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {

        @Override
        protected Store emptyStore() {
            return Store.of(new JdbcApiKeysAdapter(emptied("api_keys")));
        }
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
            return Store.of(new JdbcOnlineMetricsAdapter(emptied("attribution_generations",
                    "attribution_requests", "attribution_cells", "attribution_users", "attribution_items",
                    "experiment_tests")));
        }
    }

    @Nested
    class ExperimentDecisions extends ExperimentDecisionStoreContract {

        @Override
        protected Store emptyStore() {
            return Store.of(new JdbcExperimentDecisionsAdapter(emptied("model_version_decisions")));
        }
    }
}
