package io.tandem.adapters.out.jdbc;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.out.jdbc.JdbcAdaptersContract.Database;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;
import io.tandem.domain.model.TrainingWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the model registry and the job store promise, whatever the database: each subclass supplies a fresh,
 * empty database for its test class and removes it afterwards.
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
    void aRegisteredVersionLoadsBackWithEveryField() {
        ModelVersion ranker = new ModelVersion("ranker", "2026-11-20.1", ModelKind.RANKER, ModelStage.CANDIDATE,
                new ModelMetrics(HOLD_OUT, Map.of("ndcg@10", 0.4123456789012345, "auc", 0.8, "coverage", 1e-7)),
                Optional.of(new FeatureSchema("s3", List.of("popularity", "seen", "user.clicks", "ünïcødé"))),
                URI.create("s3://tandem-lake/models/ranker/2026-11-20.1/model.onnx"),
                new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")),
                Optional.of("2026-11-13.1"), CREATED, Map.of("refit", "true", "popularity.half-life", "P3D",
                "quoted \"ünïcødé\"", "a\nb"));
        ModelVersion retriever = new ModelVersion("item-knn", "v1", ModelKind.RETRIEVER, ModelStage.CANDIDATE,
                new ModelMetrics(HOLD_OUT, Map.of()), Optional.empty(),
                URI.create("file:///var/tandem/models/item-knn/v1/neighbours.bin"),
                new TrainingWindow(CREATED, CREATED), Optional.empty(), CREATED);

        assertThat(registry.saveIfAbsent(version("ranker", "2026-11-13.1", 0.3))).isTrue();
        assertThat(registry.saveIfAbsent(ranker)).isTrue();
        assertThat(registry.saveIfAbsent(retriever)).isTrue();

        assertThat(registry.loadVersion("ranker", "2026-11-20.1")).contains(ranker);
        assertThat(registry.loadVersion("item-knn", "v1")).contains(retriever);
        assertThat(registry.loadVersion("ranker", "2026-11-20.1").orElseThrow().metadata())
                .containsEntry("refit", "true").hasSize(3);
        assertThat(registry.loadVersion("item-knn", "v1").orElseThrow().metadata()).isEmpty();
        assertThat(registry.loadVersion("ranker", "v9")).isEmpty();
        assertThat(registry.loadVersion("nothing", "v1")).isEmpty();
    }

    @Test
    void aVersionIsRegisteredOnceAndTheFirstRegistrationStays() {
        ModelVersion first = version("ranker", "v1", 0.3);

        assertThat(registry.saveIfAbsent(first)).isTrue();
        assertThat(registry.saveIfAbsent(version("ranker", "v1", 0.9))).isFalse();

        assertThat(registry.loadVersions("ranker")).containsExactly(first);
        assertThatThrownBy(() -> registry.saveIfAbsent(version("ranker", "v2", 0.1).withStage(ModelStage.CHAMPION)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionsListNewestFirstAndModelsByNameWithTheirChampion() {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));
        registry.saveIfAbsent(version("ranker", "v2", 0.4));
        registry.saveIfAbsent(version("alpha", "a1", 0.1));
        registry.saveIfAbsent(version("ranker", "v3", 0.5));
        registry.promote("ranker", "v2");

        assertThat(registry.loadVersions("ranker")).extracting(ModelVersion::version).containsExactly("v3", "v2", "v1");
        assertThat(registry.loadVersions("unknown")).isEmpty();
        assertThat(registry.listModels()).extracting(RegisteredModel::name, RegisteredModel::versionCount,
                        RegisteredModel::champion, RegisteredModel::latestVersion)
                .containsExactly(tuple("alpha", 1, Optional.empty(), "a1"),
                        tuple("ranker", 3, Optional.of("v2"), "v3"));
    }

    @Test
    void aPromotionArchivesTheChampionItReplaces() {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));
        registry.saveIfAbsent(version("ranker", "v2", 0.4));

        ChampionChange first = registry.promote("ranker", "v1");
        ChampionChange second = registry.promote("ranker", "v2");
        ChampionChange again = registry.promote("ranker", "v2");

        assertThat(first.champion().version()).isEqualTo("v1");
        assertThat(first.archived()).isEmpty();
        assertThat(second.champion().stage()).isEqualTo(ModelStage.CHAMPION);
        assertThat(second.archived()).map(ModelVersion::version).contains("v1");
        assertThat(again.archived()).isEmpty();
        assertThat(registry.loadVersions("ranker")).extracting(ModelVersion::version, ModelVersion::stage)
                .containsExactly(tuple("v2", ModelStage.CHAMPION), tuple("v1", ModelStage.ARCHIVED));
    }

    @Test
    void rollbacksWalkBackThroughThePreviousChampionsOneAtATime() {
        for (String v : List.of("v1", "v2", "v3")) {
            registry.saveIfAbsent(version("ranker", v, 0.3));
            registry.promote("ranker", v);
        }
        // An explicit promotion of an old version is one more step back in history.
        registry.promote("ranker", "v1");

        // Each step: which version was archived, which is champion again.
        assertThat(rollback()).containsExactly("v1", "v3");
        assertThat(rollback()).containsExactly("v3", "v2");
        assertThat(rollback()).containsExactly("v2", "v1");
        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
        assertThat(champions("ranker")).containsExactly("v1");
        assertThat(registry.loadVersion("ranker", "v2")).map(ModelVersion::stage).contains(ModelStage.ARCHIVED);
    }

    @Test
    void theVersionARollbackWouldRestoreIsKnownBeforeAndIsTheOneRestored() {
        for (String v : List.of("v1", "v2", "v3")) {
            registry.saveIfAbsent(version("ranker", v, 0.3));
            registry.promote("ranker", v);
        }
        registry.promote("ranker", "v1");

        for (String expected : List.of("v3", "v2", "v1")) {
            Optional<ModelVersion> previous = registry.loadPreviousChampion("ranker");
            assertThat(previous).map(ModelVersion::version).contains(expected);
            assertThat(previous).map(ModelVersion::stage).contains(ModelStage.ARCHIVED);
            assertThat(registry.rollbackTo("ranker", expected, champions("ranker").get(0)).champion().version())
                    .isEqualTo(expected);
        }
        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
        assertThat(registry.loadPreviousChampion("nothing")).isEmpty();
    }

    @Test
    void withoutAChampionNoVersionWouldBeRestored() {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));

        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
        registry.promote("ranker", "v1");
        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
    }

    @Test
    void aConditionalRollbackHappensOnlyWhileTheChampionAndTheVersionBeforeItAreTheExpectedOnes() {
        for (String v : List.of("v1", "v2", "v3")) {
            registry.saveIfAbsent(version("ranker", v, 0.3));
        }
        registry.promote("ranker", "v1");
        registry.promote("ranker", "v2");
        // The champion is v2 again after v3, so a rollback now restores v3, no longer v1.
        registry.promote("ranker", "v3");
        registry.promote("ranker", "v2");

        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v2"))
                .isInstanceOfSatisfying(ModelConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("restore v3 in place of v2, not v1 in place of v2");
                });
        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v3", "v1"))
                .isInstanceOf(ModelConflictException.class);
        assertThat(champions("ranker")).containsExactly("v2");
        assertThat(history("ranker")).containsExactly("v1", "v2", "v3", "v2");

        ChampionChange rolledBack = registry.rollbackTo("ranker", "v3", "v2");

        assertThat(rolledBack.champion().version()).isEqualTo("v3");
        assertThat(rolledBack.champion().stage()).isEqualTo(ModelStage.CHAMPION);
        assertThat(rolledBack.archived()).map(ModelVersion::version).contains("v2");
        assertThat(champions("ranker")).containsExactly("v3");
        assertThat(history("ranker")).containsExactly("v1", "v2", "v3");
        assertThatThrownBy(() -> registry.rollbackTo("nothing", "v1", "v2"))
                .isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void aConditionalRollbackWithoutAChampionOrAPreviousOneIsAConflict() {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));
        registry.saveIfAbsent(version("ranker", "v2", 0.3));

        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v2")).isInstanceOf(ModelConflictException.class);
        registry.promote("ranker", "v2");
        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v2")).isInstanceOf(ModelConflictException.class);
        assertThat(champions("ranker")).containsExactly("v2");
        assertThat(history("ranker")).containsExactly("v2");
    }

    @Test
    void withoutAChampionThereIsNothingToRollBack() {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));

        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v1")).isInstanceOf(ModelConflictException.class);
        assertThat(registry.loadVersion("ranker", "v1")).map(ModelVersion::stage).contains(ModelStage.CANDIDATE);
    }

    @Test
    void unknownModelsAndVersionsAreNamed() {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));

        assertThatThrownBy(() -> registry.promote("nothing", "v1")).isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("name");
        assertThatThrownBy(() -> registry.promote("ranker", "v9")).isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("version");
        assertThatThrownBy(() -> registry.rollbackTo("nothing", "v1", "v2")).isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("name");
    }

    @Test
    void aConditionalPromotionHappensOnlyWhileTheChampionIsTheExpectedOne() {
        registry.saveIfAbsent(version("ranker", "v1", 0.3));
        registry.saveIfAbsent(version("ranker", "v2", 0.4));

        assertThat(registry.promoteIfChampionIs("ranker", "v1", Optional.empty()).champion().version()).isEqualTo("v1");
        assertThatThrownBy(() -> registry.promoteIfChampionIs("ranker", "v2", Optional.empty()))
                .isInstanceOf(ModelConflictException.class);
        assertThat(champions("ranker")).containsExactly("v1");
        assertThat(registry.promoteIfChampionIs("ranker", "v2", Optional.of("v1")).archived())
                .map(ModelVersion::version).contains("v1");
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
    void concurrentConditionalRollbacksOnlyEverRestoreTheVersionTheyWereGiven() throws Exception {
        for (int v = 0; v < 6; v++) {
            registry.saveIfAbsent(version("ranker", "v" + v, 0.3));
        }
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mine = "v" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    int rolledBack = 0;
                    for (int round = 0; round < 10; round++) {
                        registry.promote("ranker", mine);
                        Optional<String> champion = champions("ranker").stream().findFirst();
                        Optional<ModelVersion> previous = registry.loadPreviousChampion("ranker");
                        if (champion.isEmpty() || previous.isEmpty()) {
                            continue;
                        }
                        try {
                            ChampionChange change = registry.rollbackTo("ranker", previous.get().version(),
                                    champion.get());
                            assertThat(change.champion().version()).isEqualTo(previous.get().version());
                            assertThat(change.archived()).map(ModelVersion::version).contains(champion.get());
                            rolledBack++;
                        } catch (ModelConflictException lostTheRace) {
                            // Another thread changed the champion in between: nothing was changed here.
                        }
                    }
                    return rolledBack;
                }));
            }
            for (Future<Integer> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> champion = champions("ranker");
        assertThat(champion).hasSize(1);
        List<String> history = history("ranker");
        assertThat(history.get(history.size() - 1)).as("the history's top is the champion").isEqualTo(champion.get(0));
    }

    @Test
    void aJobIsSavedReplacedAndReadBack() {
        Job queued = Job.queued("job-1", JobType.PIPELINE, CREATED);
        jobs.saveJob(queued);
        assertThat(jobs.loadJob("job-1")).contains(queued);

        Job running = queued.started(CREATED.plusSeconds(1)).progressed(0.25, "feature tables ünïcødé");
        jobs.saveJob(running);
        assertThat(jobs.loadJob("job-1")).contains(running);

        Job failed = running.failed(CREATED.plusSeconds(2), "failed: " + "x".repeat(2_000));
        jobs.saveJob(failed);
        assertThat(jobs.loadJob("job-1")).contains(failed);
        assertThat(jobs.loadJob("job-2")).isEmpty();
    }

    @Test
    void recentJobsAreEveryJobNewestQueuedFirstTiesByIdAndAtMostTheLimit() {
        // Far after every other test's jobs: the class shares one database.
        Instant later = CREATED.plus(Duration.ofDays(3_650));
        Job oldest = Job.queued("recent-a", JobType.TRAIN, later).started(later).succeeded(later.plusSeconds(5), "ok");
        Job tieLow = Job.queued("recent-b", JobType.PIPELINE, later.plusSeconds(60));
        Job tieHigh = Job.queued("recent-c", JobType.TRAIN, later.plusSeconds(60)).started(later.plusSeconds(61))
                .failed(later.plusSeconds(62), "failed: no");
        Job newest = Job.queued("recent-d", JobType.TRAIN, later.plusSeconds(120)).started(later.plusSeconds(121));
        jobs.saveJob(tieLow);
        jobs.saveJob(newest);
        jobs.saveJob(oldest);
        jobs.saveJob(tieHigh);

        assertThat(jobs.loadRecentJobs(4)).containsExactly(newest, tieHigh, tieLow, oldest);
        assertThat(jobs.loadRecentJobs(2)).containsExactly(newest, tieHigh);
        assertThat(jobs.loadRecentJobs(1_000)).startsWith(newest, tieHigh, tieLow, oldest)
                .doesNotHaveDuplicates();
    }

    @Test
    void unfinishedJobsAreTheQueuedAndRunningOnesOldestFirstAndSurviveARestart() {
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

    private List<String> rollback() {
        String champion = champions("ranker").get(0);
        String previous = registry.loadPreviousChampion("ranker").orElseThrow().version();
        ChampionChange change = registry.rollbackTo("ranker", previous, champion);
        return List.of(change.archived().orElseThrow().version(), change.champion().version());
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
        return new ModelVersion(name, version, ModelKind.RANKER, ModelStage.CANDIDATE,
                new ModelMetrics(HOLD_OUT, Map.of("ndcg@10", ndcg)),
                Optional.of(new FeatureSchema("s1", List.of("popularity"))),
                URI.create("file:///var/tandem/models/" + name + "/" + version + "/model.onnx"),
                new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")),
                Optional.empty(), CREATED);
    }

    private static JdbcModelRegistryAdapter registryIn(ApplicationContext context) {
        return new JdbcModelRegistryAdapter(JdbcAdaptersContract.transactionsIn(context),
                context.getBean(ModelVersionRowRepository.class));
    }

    private static JdbcJobsAdapter jobsIn(ApplicationContext context) {
        return new JdbcJobsAdapter(JdbcAdaptersContract.transactionsIn(context), context.getBean(JobRowRepository.class));
    }
}
