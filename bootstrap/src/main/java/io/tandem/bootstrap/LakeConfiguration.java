package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.adapters.out.minio.MinioLakeSettings;

import java.time.Duration;

/**
 * {@code tandem.lake.*}: where archived events go. {@code path} is the local folder of the filesystem lake;
 * {@code s3.*} the bucket of the MinIO/S3 lake. {@code chunk-events} sizes the archiver's offset chunks.
 * {@code barrier-timeout} bounds how long a train job waits for the archiver to write every event acknowledged
 * before the job was queued (ADR-0021).
 */
@ConfigurationProperties("tandem.lake")
record LakeConfiguration(@Bindable(defaultValue = ".tandem/lake") String path,
                         @Bindable(defaultValue = "100000") long chunkEvents,
                         @Bindable(defaultValue = "5s") Duration flushInterval,
                         @Bindable(defaultValue = "5m") Duration barrierTimeout,
                         @Nullable S3 s3) {

    /** @param condition why S3 is needed, for messages: {@code when tandem.lake.store=minio} */
    MinioLakeSettings minioSettings(String condition) {
        S3 bucket = s3 == null ? new S3(null, null, null, null, null, null) : s3;
        return InvalidSettingException.naming("tandem.lake.s3", condition,
                () -> new MinioLakeSettings(bucket.endpoint(), bucket.accessKey(), bucket.secretKey(), bucket.bucket(),
                        bucket.prefix(), bucket.region()));
    }

    /** {@code tandem.lake.s3.*}. */
    @ConfigurationProperties("s3")
    record S3(@Bindable(defaultValue = "http://127.0.0.1:9000") String endpoint, @Nullable String accessKey,
              @Nullable String secretKey, @Bindable(defaultValue = "tandem-lake") String bucket,
              @Nullable String prefix, @Nullable String region) {
    }
}
