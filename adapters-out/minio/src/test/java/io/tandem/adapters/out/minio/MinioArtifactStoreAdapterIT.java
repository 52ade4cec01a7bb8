package io.tandem.adapters.out.minio;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.tandem.application.registry.port.out.ModelArtifactStoreContract;
import io.tandem.domain.model.ArtifactKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The artifact store contract against the real S3 server that {@code scripts/services.sh up s3} starts, in a bucket
 * of its own (created by the adapter) that it removes afterwards, each test under its own prefix; and what S3 adds:
 * objects lie at {@code <prefix>/models/<name>/<version>/<file>} whatever the spelling of the prefix.
 */
class MinioArtifactStoreAdapterIT extends ModelArtifactStoreContract {

    private static final String ENDPOINT = env("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000");
    private static final String ACCESS_KEY = env("TANDEM_LAKE_S3_ACCESS_KEY", "tandem");
    private static final String SECRET_KEY = env("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret");
    private static final String BUCKET = "tandem-it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    private static MinioClient s3;
    private final List<MinioArtifactStoreAdapter> opened = new ArrayList<>();
    private final String contractPrefix = "contract-" + UUID.randomUUID().toString().substring(0, 8) + "/";

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

    @Override
    protected Artifacts emptyStore() {
        return Artifacts.of(store(contractPrefix));
    }

    /** Another client on the same bucket and prefix, as a restarted process would open it. */
    @Override
    protected Artifacts secondClient(Artifacts store) {
        return Artifacts.of(store(contractPrefix));
    }

    @Override
    protected Iterable<URI> foreignUris(Artifacts store) {
        return List.of(URI.create("s3://other-bucket/" + contractPrefix + "models/r/v1/m.onnx"),
                URI.create("s3://" + BUCKET + "/yours/models/r/v1/m"),
                URI.create("s3://" + BUCKET + "/" + contractPrefix + "models/../events/x"),
                URI.create("file:///tmp/" + contractPrefix + "models/r/v1/m.onnx"));
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
