package io.tandem.adapters.out.minio;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One bucket on an S3 server through its own MinIO client: bounded timeouts, the bucket created on first use,
 * and every client failure turned into an {@link UncheckedIOException} that names the action and the server.
 */
final class MinioBucket implements AutoCloseable {

    private static final long CONNECT_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(10);
    private static final long TRANSFER_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(2);

    private final MinioLakeSettings settings;
    private final MinioClient client;
    private volatile boolean ready;

    MinioBucket(MinioLakeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                // A known region spares the client a GetBucketLocation round trip per bucket.
                .region(settings.region())
                .build();
        // The client's defaults wait up to 5 minutes on a dead server.
        client.setTimeout(CONNECT_TIMEOUT_MILLIS, TRANSFER_TIMEOUT_MILLIS, TRANSFER_TIMEOUT_MILLIS);
    }

    MinioClient client() {
        return client;
    }

    MinioLakeSettings settings() {
        return settings;
    }

    String name() {
        return settings.bucket();
    }

    /** Creates the bucket unless it exists; checks the server once per instance. */
    void ensureExists() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            String bucket = settings.bucket();
            boolean exists = call("checking bucket " + bucket,
                    () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
            if (!exists) {
                call("creating bucket " + bucket, () -> {
                    try {
                        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(settings.region()).build());
                    } catch (ErrorResponseException e) {
                        // Another writer won the race; the bucket is ours either way.
                        if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                            throw e;
                        }
                    }
                    return bucket;
                });
            }
            ready = true;
        }
    }

    /** Where a key lives, for messages. */
    String location(String key) {
        return "s3://" + settings.bucket() + "/" + key + " at " + settings.endpoint();
    }

    /** Runs one client call, turning its checked failures into an {@link UncheckedIOException} naming the action. */
    <T> T call(String action, S3Call<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(action + " on " + settings.endpoint() + " failed", e);
        } catch (MinioException | GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException(
                    action + " on " + settings.endpoint() + " failed: " + e.getMessage(), e));
        }
    }

    /** Releases the client's HTTP connections and threads. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the S3 client failed", e);
        }
    }

    /** A MinIO client call with the checked exceptions the client declares. */
    @FunctionalInterface
    interface S3Call<T> {
        T call() throws MinioException, GeneralSecurityException, IOException;
    }
}
