package io.tandem.adapters.out.minio;

import io.minio.BucketExistsArgs;

/**
 * Whether the S3 server answers and accepts the keys: one signed {@code HeadBucket} on the configured bucket. For
 * {@code tandem config check} and start-up reports; nothing is created.
 */
public final class MinioConnectionCheck {

    private MinioConnectionCheck() {
    }

    /**
     * @return what answered, for example {@code bucket tandem-lake exists}
     * @throws java.io.UncheckedIOException naming the server when it does not answer or refuses the keys
     */
    public static String checkBucket(MinioLakeSettings settings) {
        try (MinioBucket bucket = new MinioBucket(settings)) {
            boolean exists = bucket.call("checking bucket " + bucket.name(),
                    () -> bucket.client().bucketExists(BucketExistsArgs.builder().bucket(bucket.name()).build()));
            return "bucket " + bucket.name() + (exists ? " exists" : " does not exist yet (created on first write)");
        }
    }
}
