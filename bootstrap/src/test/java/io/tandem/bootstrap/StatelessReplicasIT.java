package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.application.catalog.CatalogSnapshot;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.domain.interaction.Event;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stateless replicas, shown (issue "Scale and speed"): two Tandem instances on the production adapters, sharing one
 * PostgreSQL schema (catalog, registry, jobs, event-id claims), one Kafka event topic and consumer group, one Redis
 * key prefix (online features) and one S3 bucket (lake and model artifacts), every one private to this test. Events
 * go to instance A over HTTP; recommendations come from instance B and reflect them; a model trained and promoted
 * on A is served by both. Nothing but the shared stores connects the two.
 */
class StatelessReplicasIT {

    private static final String MODEL = SyntheticLake.MODEL;
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final int BATCH = 2_000;
    private static final String REDIS_URI = System.getenv().getOrDefault("TANDEM_REDIS_URI", "redis://127.0.0.1:6379");
    private static final String S3_ENDPOINT = System.getenv().getOrDefault("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000");
    private static final String S3_ACCESS_KEY = System.getenv().getOrDefault("TANDEM_LAKE_S3_ACCESS_KEY", "tandem");
    private static final String S3_SECRET_KEY = System.getenv().getOrDefault("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret");
    private static final String BOOTSTRAP = System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private static final String PG_URL = System.getenv().getOrDefault("TANDEM_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/tandem");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SCHEMA = "tandem_it_replicas_" + RUN;
    private static final String PREFIX = "tandem-it-" + RUN + ":";
    private static final String BUCKET = "tandem-it-replicas-" + RUN;
    private static final String EVENT_TOPIC = "tandem-it-replicas-" + RUN;
    private static final String MODEL_TOPIC = EVENT_TOPIC + ".models";

    private static TandemHttp a;
    private static TandemHttp b;

    @BeforeAll
    static void start() throws Exception {
        sql("CREATE SCHEMA " + SCHEMA);
        a = TandemHttp.start(replica());
        b = TandemHttp.start(replica());
    }

    /** One replica: every store shared, only the HTTP port and the temporary folders of its own. */
    private static Map<String, Object> replica() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", PG_URL + "?currentSchema=" + SCHEMA);
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.username", "postgres");
        properties.put("tandem.catalog", "jdbc");
        properties.put("tandem.event-ids", "jdbc");
        properties.put("tandem.jobs", "jdbc");
        properties.put("tandem.event-log", "kafka");
        properties.put("tandem.kafka.bootstrap-servers", BOOTSTRAP);
        properties.put("tandem.kafka.topic", EVENT_TOPIC);
        properties.put("tandem.kafka.dead-letter-topic", EVENT_TOPIC + ".dlq");
        properties.put("tandem.kafka.group-prefix", "tandem-it-replicas-" + RUN);
        properties.put("tandem.kafka.partitions", 2);
        properties.put("tandem.kafka.model-topic", MODEL_TOPIC);
        // Only the start-up poll: later champion changes reach the other replica through the model topic.
        properties.put("tandem.serving.model-poll-interval", "1h");
        properties.put("tandem.online-store", "redis");
        properties.put("tandem.redis.uri", REDIS_URI);
        properties.put("tandem.redis.key-prefix", PREFIX);
        properties.put("tandem.lake.store", "minio");
        properties.put("tandem.artifacts", "minio");
        properties.put("tandem.lake.flush-interval", "1s");
        properties.put("tandem.lake.s3.endpoint", S3_ENDPOINT);
        properties.put("tandem.lake.s3.access-key", S3_ACCESS_KEY);
        properties.put("tandem.lake.s3.secret-key", S3_SECRET_KEY);
        properties.put("tandem.lake.s3.bucket", BUCKET);
        // The second training run stays a candidate, for the promotion below.
        properties.put("tandem.training.promotion.margin", 1.0);
        return properties;
    }

    @Test
    void eventsToOneReplicaRecommendationsFromTheOtherAndAPromotionServedByBoth() throws Exception {
        SyntheticDataset dataset = SyntheticLake.generate(11L);
        a.context().getBean(UpsertItemsUseCase.class).upsert(new UpsertItemsCommand(dataset.items()));
        a.context().getBean(UpsertUsersUseCase.class).upsert(new UpsertUsersCommand(dataset.users()));
        // B reads A's catalog writes at its next refresh (30 s); it reads them now, as that refresh would.
        assertThat(b.context().getBean(CatalogSnapshot.class).refresh()).isEqualTo(dataset.items().size());

        List<Event> events = dataset.events();
        for (int from = 0; from < events.size(); from += BATCH) {
            TandemHttp.Response response = a.postJson("/v1/events",
                    TrainJobHttpTest.json(events.subList(from, Math.min(events.size(), from + BATCH))));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
        }

        // Trained on A, from the S3 lake the two replicas' archivers wrote; B serves it through the model topic.
        String first = trainOn(a);
        awaitServed(a, first);
        awaitServed(b, first);

        // An event sent to A changes what B recommends: the item the user just bought is no longer offered.
        String user = "u00001";
        String top = recommendedBy(b, user).get(0);
        TandemHttp.Response sent = a.postJson("/v1/events", "[{\"id\":\"replicas-" + RUN + "\",\"type\":\"purchase\","
                + "\"userId\":\"" + user + "\",\"itemId\":\"" + top + "\",\"value\":3,\"time\":\"2026-01-15T12:00:00Z\"}]");
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (recommendedBy(b, user).contains(top)) {
            assertThat(System.nanoTime()).as("B still recommends %s to %s %s after it was bought on A", top, user,
                    WITHIN).isLessThan(deadline);
            Thread.sleep(100);
        }

        // A second version, a candidate, trained on B this time (so that one of the two jobs waits on the lake barrier
        // of a partition its instance does not read, ADR-0021), promoted over HTTP on A: both replicas serve it.
        String second = trainOn(b);
        assertThat(second).isNotEqualTo(first);
        assertThat(a.postJson("/v1/models/" + MODEL + "/versions/" + second + "/promote", "").status())
                .isEqualTo(200);
        awaitServed(a, second);
        awaitServed(b, second);
    }

    /** A train job over HTTP; the version it trained, read from the registry over HTTP. */
    private static String trainOn(TandemHttp instance) throws Exception {
        TandemHttp.Response queued = instance.postJson("/v1/jobs", "{\"type\":\"train\"}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode job = TrainJobHttpTest.awaitFinished(instance, queued.tree().get("jobId").getStringValue());
        assertThat(job.get("status").getStringValue()).as(job.get("message").getStringValue()).isEqualTo("succeeded");
        JsonNode versions = instance.get("/v1/models/" + MODEL + "/versions").tree();
        // Newest first.
        return versions.get("versions").get(0).get("version").getStringValue();
    }

    private static List<String> recommendedBy(TandemHttp instance, String user) {
        TandemHttp.Response response = instance.get("/v1/users/" + user + "/recommendations?count=10");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        response.tree().get("items").values().forEach(item -> items.add(item.get("itemId").getStringValue()));
        return items;
    }

    /** What the replica's clients see: answers from {@code version}, not from the fallback. */
    private static void awaitServed(TandemHttp instance, String version) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonNode answer = null;
        while (System.nanoTime() < deadline) {
            answer = instance.get("/v1/users/u00002/recommendations?count=5").tree();
            JsonNode model = answer.get("model");
            if (!answer.get("fallback").get("used").getBooleanValue() && model != null && !model.isNull()
                    && version.equals(model.get("version").getStringValue())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not serving " + version + " within " + WITHIN + "; last answer " + answer);
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
            cleanRedis();
            cleanBucket();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
                admin.deleteTopics(List.of(EVENT_TOPIC, EVENT_TOPIC + ".dlq", MODEL_TOPIC)).all()
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // The dead-letter topic exists only once a record went there.
            }
        }
    }

    private static void cleanRedis() {
        SharedRedisKeys.remove(REDIS_URI, PREFIX);
    }

    private static void cleanBucket() throws Exception {
        MinioClient minio = MinioClient.builder().endpoint(S3_ENDPOINT).credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
        for (Result<Item> object : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(object.get().objectName()).build());
        }
        minio.removeBucket(RemoveBucketArgs.builder().bucket(BUCKET).build());
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(PG_URL, "postgres", "");
             java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }
}
