package io.tandem.adapters.shared.parquet;

import com.jerolba.carpet.CarpetReader;
import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.CloseableIterator;
import com.jerolba.carpet.TimeUnit;
import io.tandem.domain.experiment.attribution.ServedList;
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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The lake's served-list files (ADR-0026): one Parquet file of {@link ServedRow}s per batch and serving date, under
 * {@code served/date=YYYY-MM-DD/part-<batchId>.parquet}, named and partitioned by the rules of {@link EventParquet}.
 */
public final class ServedParquet {

    public static final String SERVED = "served";

    private static final int BUFFER_BYTES = 1 << 16;

    private ServedParquet() {
    }

    /** Splits a batch by the UTC date each list was served, keeping the batch's order within a date. */
    public static SortedMap<LocalDate, List<ServedRow>> rowsByDate(List<ServedList> lists) {
        SortedMap<LocalDate, List<ServedRow>> byDate = new TreeMap<>();
        for (ServedList list : lists) {
            LocalDate date = LocalDate.ofInstant(list.servedAt(), ZoneOffset.UTC);
            byDate.computeIfAbsent(date, d -> new ArrayList<>()).addAll(ServedRow.of(list));
        }
        return byDate;
    }

    /** Writes {@code rows} as a Parquet file at {@code file}, creating or truncating it. */
    public static void write(Path file, List<ServedRow> rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE), BUFFER_BYTES);
             CarpetWriter<ServedRow> writer = new CarpetWriter.Builder<>(out, ServedRow.class)
                     .withDefaultTimeUnit(TimeUnit.MICROS)
                     .withCompressionCodec(CompressionCodecName.SNAPPY)
                     .build()) {
            writer.write(rows);
        }
    }

    /** Hands every served list of a Parquet file to {@code consumer}, in file order; {@code source} names it. */
    public static void read(Path file, String source, Consumer<ServedList> consumer) throws IOException {
        try (CloseableIterator<ServedRow> rows = new CarpetReader<>(file.toFile(), ServedRow.class)
                // Files written before interleaving have no team column: their items have no team.
                .withFailOnMissingColumn(false).iterator()) {
            List<ServedRow> list = new ArrayList<>();
            long row = 0;
            while (rows.hasNext()) {
                ServedRow next = rows.next();
                if (!list.isEmpty() && !list.get(0).sameListAs(next)) {
                    consumer.accept(toServedList(list, row, source));
                    list.clear();
                }
                list.add(next);
                row++;
            }
            if (!list.isEmpty()) {
                consumer.accept(toServedList(list, row, source));
            }
        }
    }

    private static ServedList toServedList(List<ServedRow> rows, long endRow, String source) {
        try {
            return ServedRow.toServedList(rows);
        } catch (IllegalArgumentException e) {
            // A list the domain rejects means the lake was damaged or written by something else.
            throw new IllegalStateException("rows " + (endRow - rows.size()) + ".." + (endRow - 1) + " of " + source
                    + " are not a valid served list", e);
        }
    }
}
