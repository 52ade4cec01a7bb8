/**
 * The data lake on any S3 API (MinIO, AWS S3, s3proxy) through the MinIO Java client, with the same object
 * layout as the local-folder lake: {@code <prefix>events/date=YYYY-MM-DD/part-<batchId>.parquet}.
 */
package io.tandem.adapters.out.minio;
