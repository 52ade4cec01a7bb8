/**
 * Embedded storage in local files: the data lake (events as Parquet, {@code events/date=YYYY-MM-DD/part-<batchId>.parquet}),
 * the durable local event log, and the model artifact store ({@code models/<name>/<version>/<file>}), laid out
 * exactly as their S3 counterparts so DuckDB, the replay and serving read either the same way.
 */
package io.tandem.adapters.out.filesystem;
