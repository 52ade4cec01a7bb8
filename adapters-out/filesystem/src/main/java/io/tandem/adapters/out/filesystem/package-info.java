/**
 * The embedded data lake: events as Parquet files in a local folder, laid out exactly as the S3 lake
 * ({@code events/date=YYYY-MM-DD/part-<batchId>.parquet}) so DuckDB and the replay read either the same way.
 */
package io.tandem.adapters.out.filesystem;
