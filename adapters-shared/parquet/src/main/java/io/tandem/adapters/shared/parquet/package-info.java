/**
 * Adapter code that both lake adapters share (ADR-0004): the Parquet event and served-list rows and the lake's file
 * layout ({@code events/} and {@code served/date=YYYY-MM-DD/part-<batchId>.parquet}). The local-folder lake and the
 * S3 lake must write the same bytes for the same batch, so that DuckDB, the replay and a move between the two read
 * either alike; one copy cannot drift from another.
 */
package io.tandem.adapters.shared.parquet;
