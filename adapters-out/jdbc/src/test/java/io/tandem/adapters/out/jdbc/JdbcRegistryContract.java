package io.tandem.adapters.out.jdbc;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.out.jdbc.JdbcAdaptersContract.Database;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the jdbc model registry promises beyond its ports' contract ({@link JdbcStoreContracts}), and what the job store
 * promises, whatever the database: the schema itself refuses a second champion, the champion history is a stack
 * whose top is the champion, and jobs survive a restart. Each subclass supplies a fresh, empty database for its test
 * class and removes it afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcRegistryContract {

    private static final Instant CREATED = Instant.parse("2026-11-20T10:00:00.123456Z");
    private static final String HOLD_OUT = "temporal:2026-11-01..2026-11-08";

    private Database database;
    private ApplicationContext context;
    private JdbcModelRegistryAdapter registry;
    private JdbcJobsAdapter jobs;

    abstract Database createDatabase() throws SQLException;

    abstract void dropDatabase(Database database) throws SQLException;

    @BeforeAll
    void startContext() throws SQLException {
        database = createDatabase();
        context = JdbcAdaptersContract.start(database);
        JdbcSchema.migrate(context.getBean(DataSource.class));
        registry = registryIn(context);
        jobs = jobsIn(context);
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

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = JdbcAdaptersContract.connect(database);
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM model_champions");
            statement.execute("DELETE FROM model_versions");
            statement.execute("DELETE FROM jobs");
        }
    }

    @Test
    void theChampionHistoryIsKeptInOrderAndARollbackTakesItsTopOff() {
        for (String v : List.of("v1", "v2", "v3")) {
            registry.saveIfAbsent(version("ranker", v, 0.3));
        }
        registry.promote("ranker", "v1");
        registry.promote("ranker", "v2");
        registry.promote("ranker", "v3");
        registry.promote("ranker", "v2");
        registry.promote("ranker", "v2");

        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v2")).isInstanceOf(ModelConflictException.class);
        assertThat(history("ranker")).containsExactly("v1", "v2", "v3", "v2");

        registry.rollbackTo("ranker", "v3", "v2");

        assertThat(history("ranker")).containsExactly("v1", "v2", "v3");
        assertThat(champions("ranker")).containsExactly("v3");
    }

    @Test
    void theSchemaItselfRefusesASecondChampion() throws SQLException {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));
        registry.saveIfAbsent(version("ranker", "v2", 0.4));
        registry.promote("ranker", "v1");

        try (Connection connection = JdbcAdaptersContract.connect(database);
             PreparedStatement crown = connection.prepareStatement("UPDATE model_versions SET stage = 'champion',"
                     + " champion_of = name WHERE name = 'ranker' AND version = 'v2'");
             PreparedStatement halfCrown = connection.prepareStatement("UPDATE model_versions SET stage = 'champion'"
                     + " WHERE name = 'ranker' AND version = 'v2'")) {
            assertThatThrownBy(crown::executeUpdate).isInstanceOf(SQLException.class);
            assertThatThrownBy(halfCrown::executeUpdate).isInstanceOf(SQLException.class);
        }
        assertThat(champions("ranker")).containsExactly("v1");
    }

    @Test
    void unfinishedJobsSurviveARestart() {
        Job later = Job.queued("later", JobType.TRAIN, CREATED.plusSeconds(10));
        Job earlier = Job.queued("earlier", JobType.PIPELINE, CREATED).started(CREATED.plusSeconds(1));
        Job done = Job.queued("done", JobType.TRAIN, CREATED).started(CREATED).succeeded(CREATED.plusSeconds(2), "ok");
        jobs.saveJob(later);
        jobs.saveJob(earlier);
        jobs.saveJob(done);

        try (ApplicationContext restarted = JdbcAdaptersContract.start(database)) {
            JdbcJobsAdapter afterRestart = jobsIn(restarted);

            assertThat(afterRestart.loadUnfinishedJobs()).containsExactly(earlier, later);
            assertThat(afterRestart.loadJob("done")).contains(done);
        }
    }

    private List<String> champions(String name) {
        return versions("SELECT version FROM model_versions WHERE name = ? AND stage = 'champion'", name);
    }

    /** The champion history, oldest first: its last entry is the current champion. */
    private List<String> history(String name) {
        return versions("SELECT version FROM model_champions WHERE name = ? ORDER BY id", name);
    }

    /** The versions a one-parameter query over the registry tables answers, in its order. */
    private List<String> versions(String sql, String name) {
        List<String> versions = new ArrayList<>();
        try (Connection connection = JdbcAdaptersContract.connect(database);
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return versions;
    }

    private static ModelVersion version(String name, String version, double ndcg) {
        return aVersion(name, version).ndcg(ndcg).build();
    }

    static JdbcModelRegistryAdapter registryIn(ApplicationContext context) {
        return new JdbcModelRegistryAdapter(JdbcAdaptersContract.transactionsIn(context),
                context.getBean(ModelVersionRowRepository.class));
    }

    static JdbcJobsAdapter jobsIn(ApplicationContext context) {
        return new JdbcJobsAdapter(JdbcAdaptersContract.transactionsIn(context), context.getBean(JobRowRepository.class));
    }
}
