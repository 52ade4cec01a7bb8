package io.tandem.adapters.shared.parquet;

import com.jerolba.carpet.CarpetReader;
import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.CloseableIterator;
import com.jerolba.carpet.TimeUnit;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.Event;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The lake's file format and layout rules: one Parquet file of {@link EventRow}s per batch and event date, under
 * {@code events/date=YYYY-MM-DD/part-<batchId>.parquet}. The local-folder lake and the S3 lake both write and read
 * through this class, so a file one of them writes is a file the other (and DuckDB) reads.
 */
public final class EventParquet {

    public static final String EVENTS = "events";
    public static final String PARTITION_PREFIX = "date=";
    public static final String FILE_PREFIX = "part-";
    public static final String FILE_SUFFIX = ".parquet";

    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]+");
    /** Keeps {@code part-<batchId>.parquet} and its temporary sibling under the usual 255-byte name limit. */
    private static final int MAX_BATCH_ID_LENGTH = 200;
    private static final int BUFFER_BYTES = 1 << 16;

    private EventParquet() {
    }

    public static String requireBatchId(String batchId) {
        if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
            throw new InvalidFieldException("batchId", "must match " + BATCH_ID.pattern());
        }
        if (batchId.length() > MAX_BATCH_ID_LENGTH) {
            throw new InvalidFieldException("batchId", "is longer than " + MAX_BATCH_ID_LENGTH + " characters");
        }
        return batchId;
    }

    public static void requireRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "must not be after to (" + to + ")");
        }
    }

    public static String fileName(String batchId) {
        return FILE_PREFIX + batchId + FILE_SUFFIX;
    }

    public static String partitionName(LocalDate date) {
        return PARTITION_PREFIX + date;
    }

    /** Splits a batch by the UTC date of each event, keeping the batch's order within a date. */
    public static SortedMap<LocalDate, List<EventRow>> rowsByDate(List<Event> events) {
        SortedMap<LocalDate, List<EventRow>> byDate = new TreeMap<>();
        for (Event event : events) {
            LocalDate date = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
            byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(EventRow.of(event));
        }
        return byDate;
    }

    /** Writes {@code rows} as a Parquet file at {@code file}, creating or truncating it. */
    public static void write(Path file, List<EventRow> rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE), BUFFER_BYTES);
             CarpetWriter<EventRow> writer = new CarpetWriter.Builder<>(out, EventRow.class)
                     .withDefaultTimeUnit(TimeUnit.MICROS)
                     .withCompressionCodec(CompressionCodecName.SNAPPY)
                     // Every id is unique: a dictionary for it would be built, overflow and be thrown away.
                     .withDictionaryEncoding("id", false)
                     // User and item ids repeat, but a dictionary of thousands of them cost more than half the
                     // writer's CPU (Parquet's hash lookups compare ids byte by byte) for files about a fifth
                     // smaller; the archiver shares the ingest machine, so CPU wins (ADR-0035).
                     .withDictionaryEncoding("user_id", false)
                     .withDictionaryEncoding("item_id", false)
                     .build()) {
            writer.write(rows);
        }
    }

    /** Hands every event of a Parquet file to {@code consumer}, in file order; {@code source} names it in errors. */
    public static void read(Path file, String source, Consumer<Event> consumer) throws IOException {
        try (CloseableIterator<EventRow> rows = new CarpetReader<>(file.toFile(), EventRow.class).iterator()) {
            long row = 0;
            while (rows.hasNext()) {
                Event event;
                try {
                    event = rows.next().toEvent();
                } catch (IllegalArgumentException e) {
                    // A row the domain rejects means the lake was damaged or written by something else.
                    throw new IllegalStateException("row " + row + " of " + source + " is not a valid event", e);
                }
                consumer.accept(event);
                row++;
            }
        }
    }
}
