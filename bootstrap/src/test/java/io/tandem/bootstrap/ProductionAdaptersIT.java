package io.tandem.bootstrap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.json.tree.JsonNode;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jar on the production stores: Redis as online store and event-id store, S3 (s3proxy, through the
 * MinIO client) as the lake. Servers come from scripts/services.sh; keys and bucket are private to this test.
 */
class ProductionAdaptersIT {

    private static final String REDIS_URI = System.getenv().getOrDefault("TANDEM_REDIS_URI", "redis://127.0.0.1:6379");
    private static final String S3_ENDPOINT = System.getenv().getOrDefault("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000");
    private static final String S3_ACCESS_KEY = System.getenv().getOrDefault("TANDEM_LAKE_S3_ACCESS_KEY", "tandem");
    private static final String S3_SECRET_KEY = System.getenv().getOrDefault("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "tandem-it-" + RUN + ":";
    private static final String BUCKET = "tandem-it-" + RUN;
    private static final String PG_URL = System.getenv().getOrDefault("TANDEM_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/tandem");
    private static final String SCHEMA = "tandem_it_" + RUN;

    private static TandemHttp tandem;

    @BeforeAll
    static void start() throws Exception {
        sql("CREATE SCHEMA " + SCHEMA);
        tandem = TandemHttp.start(Map.ofEntries(
                Map.entry("datasources.default.url", PG_URL + "?currentSchema=" + SCHEMA),
                Map.entry("datasources.default.driver-class-name", "org.postgresql.Driver"),
                Map.entry("datasources.default.username", "postgres"),
                Map.entry("tandem.catalog", "jdbc"),
                Map.entry("tandem.online-store", "redis"), Map.entry("tandem.event-ids", "redis"),
                Map.entry("tandem.redis.uri", REDIS_URI), Map.entry("tandem.redis.key-prefix", PREFIX),
                Map.entry("tandem.lake.store", "minio"), Map.entry("tandem.lake.chunk-events", 5),
                Map.entry("tandem.lake.s3.endpoint", S3_ENDPOINT), Map.entry("tandem.lake.s3.access-key", S3_ACCESS_KEY),
                Map.entry("tandem.lake.s3.secret-key", S3_SECRET_KEY), Map.entry("tandem.lake.s3.bucket", BUCKET)));
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(PG_URL, "postgres", "");
             java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }

    @Test
    void theCatalogLivesInPostgresql() throws Exception {
        assertThat(tandem.postJson("/v1/items:batch", "[{\"itemId\":\"pg-1\",\"categories\":[\"news\"]}]").status())
                .isEqualTo(200);

        assertThat(tandem.get("/v1/items/pg-1").tree().get("categories").get(0).getStringValue()).isEqualTo("news");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(PG_URL, "postgres", "");
             java.sql.ResultSet rows = connection.createStatement()
                     .executeQuery("SELECT count(*) FROM " + SCHEMA + ".items WHERE id = 'pg-1'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void listsServedInsideAnExperimentAreKeptInRedisAndTheirFollowUpsAreReadOutFromPostgresql() throws Exception {
        assertThat(tandem.postJson("/v1/items:batch", "[{\"itemId\":\"e1\"},{\"itemId\":\"e2\"}]").status())
                .isEqualTo(200);
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
        assertThat(tandem.postJson("/v1/experiments", "{\"name\":\"prod-1\",\"surface\":\"prod-home\","
                + "\"variants\":[{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},"
                + "{\"name\":\"b\",\"share\":0.5,\"model\":null}]}").status()).isEqualTo(201);
        assertThat(tandem.postJson("/v1/experiments/prod-1/start", "").status()).isEqualTo(200);

        // The running experiments are re-read once a second: the first answers may still come from before the start.
        JsonNode answer = tandem.get("/v1/users/prod-user/recommendations?count=2&surface=prod-home").tree();
        for (int attempt = 0; attempt < 50 && answer.get("experiment").isNull(); attempt++) {
            Thread.sleep(100);
            answer = tandem.get("/v1/users/prod-user/recommendations?count=2&surface=prod-home").tree();
        }
        assertThat(answer.get("experiment").getStringValue()).isEqualTo("prod-1");
        String variant = answer.get("variant").getStringValue();
        String requestId = answer.get("requestId").getStringValue();
        String item = answer.get("items").get(0).get("itemId").getStringValue();
        RedisClient client = RedisClient.create(REDIS_URI);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String key = PREFIX + "served:{req:" + requestId + "}";
            assertThat(connection.sync().exists(key)).isEqualTo(1L);
            assertThat(connection.sync().ttl(key)).isPositive();
        } finally {
            client.shutdown();
        }

        assertThat(tandem.postJson("/v1/events", "[{\"id\":\"prod-imp-1\",\"type\":\"impression\","
                + "\"userId\":\"prod-user\",\"itemId\":\"" + item + "\",\"context\":{\"requestId\":\""
                + requestId + "\"}}]").status()).isEqualTo(202);

        JsonNode group = null;
        for (JsonNode figures : tandem.get("/v1/experiments/prod-1").tree().get("readout").get("variants").values()) {
            if (figures.get("variant").getStringValue().equals(variant)) {
                group = figures;
            }
        }
        assertThat(group).as("the read-out of variant " + variant).isNotNull();
        assertThat(group.get("impressions").getLongValue()).isEqualTo(1);
        assertThat(group.get("users").getLongValue()).isEqualTo(1);
        assertThat(tandem.postJson("/v1/experiments/prod-1/stop", "").status()).isEqualTo(200);
    }

    @AfterAll
    static void stopAndClean() throws Exception {
        tandem.close();
        sql("DROP SCHEMA " + SCHEMA + " CASCADE");
        SharedRedisKeys.remove(REDIS_URI, PREFIX);
        MinioClient minio = MinioClient.builder().endpoint(S3_ENDPOINT).credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
        for (Result<Item> object : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(object.get().objectName()).build());
        }
        minio.removeBucket(RemoveBucketArgs.builder().bucket(BUCKET).build());
    }

    @Test
    void eventsFeedRedisAndTheS3LakeAndRecommendationsComeFromRedis() throws Exception {
        String batch = "["
                + "{\"id\":\"p-1\",\"type\":\"purchase\",\"userId\":\"a\",\"itemId\":\"x\",\"value\":5,\"time\":\"2026-11-19T10:00:00Z\"},"
                + "{\"id\":\"p-2\",\"type\":\"purchase\",\"userId\":\"b\",\"itemId\":\"x\",\"value\":5,\"time\":\"2026-11-19T11:00:00Z\"},"
                + "{\"id\":\"p-3\",\"type\":\"like\",\"userId\":\"b\",\"itemId\":\"y\",\"time\":\"2026-11-20T10:00:00Z\"},"
                + "{\"id\":\"p-4\",\"type\":\"click\",\"userId\":\"c\",\"itemId\":\"z\",\"time\":\"2026-11-20T11:00:00Z\"},"
                + "{\"id\":\"p-5\",\"type\":\"click\",\"userId\":\"a\",\"itemId\":\"y\",\"time\":\"2026-11-20T12:00:00Z\"},"
                + "{\"id\":\"p-6\",\"type\":\"impression\",\"userId\":\"a\",\"itemId\":\"z\",\"time\":\"2026-11-21T08:00:00Z\"},"
                + "{\"id\":\"p-1\",\"type\":\"purchase\",\"userId\":\"a\",\"itemId\":\"x\",\"value\":5,\"time\":\"2026-11-19T10:00:00Z\"}]";

        // Only catalog items are served (ADR-0019).
        assertThat(tandem.postJson("/v1/items:batch", "[{\"itemId\":\"x\"},{\"itemId\":\"y\"},{\"itemId\":\"z\"}]")
                .status()).isEqualTo(200);
        JsonNode report = tandem.postJson("/v1/events", batch).tree();
        assertThat(report.get("accepted").getIntValue()).isEqualTo(6);
        assertThat(report.get("duplicates").getIntValue()).isEqualTo(1);
        // A retry of the whole batch is all duplicates: the claims live in Redis.
        assertThat(tandem.postJson("/v1/events", batch).tree().get("accepted").getIntValue()).isZero();

        // No model: the fallback answers from its snapshot of Redis, rebuilt now instead of at its next tick.
        assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
        JsonNode forA = tandem.get("/v1/users/a/recommendations?count=5").tree();
        List<String> items = new ArrayList<>();
        forA.get("items").values().forEach(item -> items.add(item.get("itemId").getStringValue()));
        assertThat(items).containsExactly("z");
        JsonNode forNewcomer = tandem.get("/v1/users/newcomer/recommendations?count=5").tree();
        assertThat(forNewcomer.get("items").get(0).get("itemId").getStringValue()).isEqualTo("x");

        tandem.context().getBean(LocalLogArchiver.class).drain();
        List<String> archived = new ArrayList<>();
        tandem.context().getBean(ReadLakePort.class).readEvents(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"), event -> archived.add(event.id().value()));
        assertThat(archived).containsExactlyInAnyOrder("p-1", "p-2", "p-3", "p-4", "p-5", "p-6");
    }
}
