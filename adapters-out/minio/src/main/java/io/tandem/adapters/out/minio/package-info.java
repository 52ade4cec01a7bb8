/**
 * Storage on any S3 API (MinIO, AWS S3, s3proxy) through the MinIO Java client, laid out as the local-folder
 * counterparts: the data lake at {@code <prefix>events/date=YYYY-MM-DD/part-<batchId>.parquet} and model
 * artifacts at {@code <prefix>models/<name>/<version>/<file>}.
 */
package io.tandem.adapters.out.minio;
