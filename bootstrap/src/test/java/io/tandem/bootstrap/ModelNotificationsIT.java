package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.out.jdbc.JdbcModelRegistryAdapter;
import io.tandem.application.catalog.CatalogSnapshot;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.model.ModelRef;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Tandem instances sharing one registry (a PostgreSQL schema of this test's own), one artifact store (a shared
 * folder) and the Kafka broker of scripts/services.sh, both polling the registry only once an hour: a champion
 * changed on instance A (by training, a promotion or a rollback) is served by instance B within seconds, which only
 * the {@code tandem.models} notification can explain.
 */
class ModelNotificationsIT {

    private static final String MODEL = SyntheticLake.MODEL;
    private static final Duration SWAP_WITHIN = HotSwapFixture.SWAP_WITHIN;
    private static final String BOOTSTRAP = System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private static final String PG_URL = System.getenv().getOrDefault("TANDEM_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/tandem");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SCHEMA = "tandem_it_models_" + RUN;
    private static final String EVENT_TOPIC = "tandem-it-" + RUN;
    private static final String MODEL_TOPIC = "tandem-it-" + RUN + ".models";

    private static TandemHttp a;
    private static TandemHttp b;

    @BeforeAll
    static void start() throws Exception {
        sql("CREATE SCHEMA " + SCHEMA);
        Path shared = Files.createTempDirectory("tandem-models-it");
        a = TandemHttp.start(instance(shared));
        b = TandemHttp.start(instance(shared));
    }

    /** One instance: PostgreSQL registry and catalog, Kafka event log and model topic, a lake and artifacts folder. */
    private static Map<String, Object> instance(Path shared) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", PG_URL + "?currentSchema=" + SCHEMA);
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.username", "postgres");
        properties.put("tandem.event-log", "kafka");
        properties.put("tandem.kafka.bootstrap-servers", BOOTSTRAP);
        properties.put("tandem.kafka.topic", EVENT_TOPIC);
        properties.put("tandem.kafka.dead-letter-topic", EVENT_TOPIC + ".dlq");
        properties.put("tandem.kafka.partitions", 1);
        // The test writes the lake itself; the event log stays empty.
        properties.put("tandem.kafka.consumers", false);
        properties.put("tandem.kafka.model-topic", MODEL_TOPIC);
        // Only the start-up poll: every later change must come through Kafka.
        properties.put("tandem.serving.model-poll-interval", "1h");
        properties.put("tandem.lake.path", shared.toString());
        // The second training run stays a candidate, for the promotion below.
        properties.put("tandem.training.promotion.margin", 1.0);
        return properties;
    }

    @Test
    void everyChampionChangeOnOneInstanceIsServedByTheOtherWithinSeconds() throws Exception {
        loadIntoTheLake(SyntheticLake.generate(7L));
        assertThat(servedBy(b)).isEmpty();

        // A training run whose version wins: TrainModelsService promotes through the stages port.
        TrainingReport one = SyntheticLake.train(a, 42L);
        assertThat(one.promoted()).as(one.summary()).isTrue();
        String first = one.version().version();
        awaitServed(b, first);
        TrainingReport two = SyntheticLake.train(a, 43L);
        assertThat(two.promoted()).as(two.summary()).isFalse();
        String second = two.version().version();

        // Control: a change made in the registry without a notification is not seen by B (it polls hourly).
        JdbcModelRegistryAdapter registry = a.context().getBean(JdbcModelRegistryAdapter.class);
        registry.promote(MODEL, second);
        Thread.sleep(2_000);
        assertThat(servedBy(b)).as("served by B after a silent registry change").contains(first);
        assertThat(registry.rollbackTo(MODEL, first, second).champion().version()).isEqualTo(first);

        // A promotion over HTTP on A.
        assertThat(a.postJson("/v1/models/" + MODEL + "/versions/" + second + "/promote", "").status())
                .isEqualTo(200);
        awaitServed(b, second);

        // A rollback over HTTP on A.
        assertThat(a.postJson("/v1/models/" + MODEL + "/rollback", "").status()).isEqualTo(200);
        awaitServed(b, first);

        // What B's clients see.
        JsonNode answer = b.get("/v1/users/u00001/recommendations?count=5").tree();
        assertThat(answer.get("fallback").get("used").getBooleanValue())
                .as("fallback on B: %s", answer.get("fallback").get("reason")).isFalse();
        assertThat(answer.get("model").get("version").getStringValue()).isEqualTo(first);
    }

    /**
     * Items and users into the shared catalog, events straight into the shared lake (no event log needed). B serves
     * only items its catalog snapshot holds, and it would read A's writes at its next refresh (30 s): it reads them
     * now, as that refresh would.
     */
    private static void loadIntoTheLake(SyntheticDataset dataset) {
        a.context().getBean(UpsertItemsUseCase.class).upsert(new UpsertItemsCommand(dataset.items()));
        a.context().getBean(UpsertUsersUseCase.class).upsert(new UpsertUsersCommand(dataset.users()));
        a.context().getBean(WriteLakePort.class).write("models-it", dataset.events());
        assertThat(b.context().getBean(CatalogSnapshot.class).refresh()).isEqualTo(dataset.items().size());
    }

    private static Optional<String> servedBy(TandemHttp instance) {
        ServingModelStatus status = instance.context().getBean(ServingModels.class).status();
        return status.serving().map(ModelRef::version);
    }

    private static void awaitServed(TandemHttp instance, String version) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + SWAP_WITHIN.toNanos();
        while (!servedBy(instance).equals(Optional.of(version))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not serving " + version + " within " + SWAP_WITHIN + "; serving "
                        + servedBy(instance) + ", problem: "
                        + instance.context().getBean(ServingModels.class).status().problem());
            }
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopAndClean() throws Exception {
        try {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        } finally {
            sql("DROP SCHEMA " + SCHEMA + " CASCADE");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
                admin.deleteTopics(List.of(EVENT_TOPIC, EVENT_TOPIC + ".dlq", MODEL_TOPIC)).all()
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // The dead-letter topic is only created by consumers, which this test turns off.
            }
        }
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(PG_URL, "postgres", "");
             java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }
}
