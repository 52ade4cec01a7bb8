package io.tandem.adapters.out.minio;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ArtifactKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the S3 artifact store against the real S3 server that {@code scripts/services.sh up s3} starts, in a
 * bucket of its own (created by the adapter) that it removes afterwards.
 */
class MinioArtifactStoreAdapterIT {

    private static final String ENDPOINT = env("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000");
    private static final String ACCESS_KEY = env("TANDEM_LAKE_S3_ACCESS_KEY", "tandem");
    private static final String SECRET_KEY = env("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret");
    private static final String BUCKET = "tandem-it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    private static MinioClient s3;
    private final List<MinioArtifactStoreAdapter> opened = new ArrayList<>();

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
            if (s3.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                for (String key : keys("")) {
                    s3.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(key).build());
                }
                s3.removeBucket(RemoveBucketArgs.builder().bucket(BUCKET).build());
            }
        } finally {
            s3.close();
        }
    }

    @AfterEach
    void closeStores() {
        opened.forEach(MinioArtifactStoreAdapter::close);
    }

    @Test
    void storesUnderPrefixModelsNameVersionFileAndLoadsBackByTheReturnedUri() throws Exception {
        byte[] model = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(model);

        URI uri = store("/tenants/t1/").store(new ArtifactKey("ranker", "2026-11-20.1", "model.onnx"), model);

        assertThat(uri).isEqualTo(URI.create("s3://" + BUCKET + "/tenants/t1/models/ranker/2026-11-20.1/model.onnx"));
        assertThat(keys("tenants/t1/")).containsExactly("tenants/t1/models/ranker/2026-11-20.1/model.onnx");
        assertThat(store("tenants/t1").load(uri)).isEqualTo(model);
    }

    @Test
    void storingAgainReplacesTheObject() {
        ArtifactKey key = new ArtifactKey("ranker", "v1", "schema.json");
        MinioArtifactStoreAdapter store = store("replace");
        store.store(key, "first".getBytes(StandardCharsets.UTF_8));

        URI uri = store.store(key, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(store.load(uri), StandardCharsets.UTF_8)).isEqualTo("second");
    }

    @Test
    void refusesUrisOfAnotherBucketPrefixOrSchemeNamingTheField() {
        MinioArtifactStoreAdapter store = store("mine");

        for (String foreign : List.of("s3://other-bucket/mine/models/r/v1/m.onnx", "s3://" + BUCKET + "/yours/models/r/v1/m",
                "s3://" + BUCKET + "/mine/models/../events/x", "file:///tmp/mine/models/r/v1/m.onnx")) {
            assertThatThrownBy(() -> store.load(URI.create(foreign))).as(foreign)
                    .isInstanceOf(InvalidFieldException.class)
                    .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("artifactUri");
        }
    }

    @Test
    void aMissingArtifactFailsToLoad() {
        MinioArtifactStoreAdapter store = store("missing");
        store.store(new ArtifactKey("ranker", "v1", "model.onnx"), new byte[] {1});

        assertThatThrownBy(() -> store.load(URI.create("s3://" + BUCKET + "/missing/models/ranker/v2/model.onnx")))
                .isInstanceOf(UncheckedIOException.class);
    }

    private MinioArtifactStoreAdapter store(String prefix) {
        MinioArtifactStoreAdapter store = new MinioArtifactStoreAdapter(
                new MinioLakeSettings(ENDPOINT, ACCESS_KEY, SECRET_KEY, BUCKET, prefix, ""));
        opened.add(store);
        return store;
    }

    private static List<String> keys(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : s3.listObjects(
                ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
