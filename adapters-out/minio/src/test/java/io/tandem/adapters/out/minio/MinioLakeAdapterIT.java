package io.tandem.adapters.out.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.minio.BucketExistsArgs;
import io.minio.DownloadObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import io.tandem.application.ingestion.port.out.LakeContract;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake contract against the real S3 server that {@code scripts/services.sh up s3} starts (s3proxy on
 * 127.0.0.1:9000), in a bucket of its own that it removes afterwards, each test under its own prefix; and what S3
 * adds: the bucket is created on the first write, objects lie under the normalized prefix with the Parquet content
 * type, prefixes do not see each other, and DuckDB reads a downloaded object.
 */
class MinioLakeAdapterIT extends LakeContract {

    private static final String ENDPOINT = env("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000");
    private static final String ACCESS_KEY = env("TANDEM_LAKE_S3_ACCESS_KEY", "tandem");
    private static final String SECRET_KEY = env("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret");
    private static final String BUCKET = uniqueBucket();

    private static MinioClient s3;
    private final List<MinioLakeAdapter> opened = new ArrayList<>();
    private final String contractPrefix = "contract-" + UUID.randomUUID() + "/";

    @BeforeAll
    static void connect() {
        s3 = MinioClient.builder().endpoint(ENDPOINT).credentials(ACCESS_KEY, SECRET_KEY).build();
        try {
            s3.listBuckets();
        } catch (Exception e) {
            fail("no S3 server answers at " + ENDPOINT + "; start one with scripts/services.sh up s3", e);
        }
    }

    @AfterAll
    static void removeBucket() throws Exception {
        try {
            deleteBucket(BUCKET);
        } finally {
            s3.close();
        }
    }

    @Override
    protected Lake emptyLake() {
        return Lake.of(lake(BUCKET, contractPrefix));
    }

    /** Another client on the same bucket and prefix, as a restarted process would open it. */
    @Override
    protected Lake secondClient(Lake lake) {
        return Lake.of(lake(BUCKET, contractPrefix));
    }

    @AfterEach
    void closeAdapters() {
        opened.forEach(MinioLakeAdapter::close);
    }

    @Test
    void createsTheMissingBucketOnFirstWrite() throws Exception {
        String bucket = uniqueBucket();
        assertThat(s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isFalse();
        try {
            MinioLakeAdapter lake = lake(bucket, "");
            Event event = event("e1", EventType.CLICK, "2024-03-01T10:00:00Z");

            lake.write("first", List.of(event));

            assertThat(s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
            assertThat(readAll(lake)).containsExactly(event);
        } finally {
            deleteBucket(bucket);
        }
    }

    @Test
    void writingTheSameBatchTwiceLeavesOneObjectPerDate(TestInfo test) throws Exception {
        String prefix = prefix(test);
        MinioLakeAdapter lake = lake(BUCKET, prefix);
        List<Event> batch = List.of(
                event("e1", EventType.CLICK, "2024-03-01T10:00:00Z"),
                event("e2", EventType.CLICK, "2024-03-02T10:00:00Z"));

        lake.write("offsets-0-1", batch);
        lake.write("offsets-0-1", batch);

        assertThat(keys(BUCKET, prefix)).containsExactly(
                prefix + "events/date=2024-03-01/part-offsets-0-1.parquet",
                prefix + "events/date=2024-03-02/part-offsets-0-1.parquet");
    }

    @Test
    void laysOutOneObjectPerBatchAndUtcDateUnderTheNormalizedPrefix(TestInfo test) throws Exception {
        String prefix = prefix(test);
        MinioLakeAdapter lake = lake(BUCKET, "/" + prefix + "nested//");
        lake.write("a", List.of(
                event("e1", EventType.CLICK, "2024-12-31T23:30:00Z"),
                event("e2", EventType.CLICK, "2025-01-01T00:30:00Z"),
                event("e3", EventType.CLICK, "2024-12-31T01:00:00Z")));
        lake.write("b_2", List.of(event("e4", EventType.SKIP, "2025-01-01T12:00:00Z")));

        assertThat(keys(BUCKET, prefix)).containsExactly(
                prefix + "nested/events/date=2024-12-31/part-a.parquet",
                prefix + "nested/events/date=2025-01-01/part-a.parquet",
                prefix + "nested/events/date=2025-01-01/part-b_2.parquet");
        assertThat(s3.statObject(StatObjectArgs.builder().bucket(BUCKET)
                .object(prefix + "nested/events/date=2024-12-31/part-a.parquet").build()).contentType())
                .isEqualTo("application/vnd.apache.parquet");
    }

    @Test
    void doesNotSeeAnotherPrefixesEvents(TestInfo test) {
        String prefix = prefix(test);
        MinioLakeAdapter one = lake(BUCKET, prefix + "one");
        MinioLakeAdapter other = lake(BUCKET, prefix + "one-other");
        Event mine = event("e1", EventType.CLICK, "2024-03-01T10:00:00Z");
        one.write("b", List.of(mine));
        other.write("b", List.of(event("e2", EventType.CLICK, "2024-03-01T11:00:00Z")));

        assertThat(readAll(one)).containsExactly(mine);
    }

    @Test
    void duckDbReadsADownloadedObjectWithATimestampColumn(TestInfo test, @TempDir Path local) throws Exception {
        String prefix = prefix(test);
        MinioLakeAdapter lake = lake(BUCKET, prefix);
        lake.write("duck", List.of(
                event("e1", EventType.CLICK, "2024-03-01T10:00:00.25Z"),
                event("e2", EventType.VIEW, "2024-03-01T09:00:00Z")));
        Path file = local.resolve("part-duck.parquet");
        s3.downloadObject(DownloadObjectArgs.builder().bucket(BUCKET)
                .object(prefix + "events/date=2024-03-01/part-duck.parquet").filename(file.toString()).build());

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*), min(time), typeof(min(time)), sum(value) FROM "
                     + "read_parquet('" + file.toString().replace("'", "''") + "')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(2);
            assertThat(rows.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2024-03-01T09:00:00"));
            assertThat(rows.getString(3)).isEqualTo("TIMESTAMP");
            assertThat(rows.getDouble(4)).isEqualTo(12.5);
        }
        assertThat(Files.size(file)).isPositive();
    }

    private MinioLakeAdapter lake(String bucket, String prefix) {
        MinioLakeAdapter lake = new MinioLakeAdapter(
                new MinioLakeSettings(ENDPOINT, ACCESS_KEY, SECRET_KEY, bucket, prefix, "us-east-1"));
        opened.add(lake);
        return lake;
    }

    /** One key prefix per test, so the tests share the run's bucket without seeing each other's objects. */
    private static String prefix(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName() + "/";
    }

    private static List<String> keys(String bucket, String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : s3.listObjects(
                ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private static void deleteBucket(String bucket) throws Exception {
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return;
        }
        for (String key : keys(bucket, "")) {
            s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        }
        s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    }

    private static String uniqueBucket() {
        return "tandem-it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
