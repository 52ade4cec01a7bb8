package io.tandem.adapters.out.filesystem;

import io.tandem.adapters.shared.parquet.EventParquet;
import io.tandem.adapters.shared.parquet.EventRow;
import io.tandem.adapters.shared.parquet.ServedParquet;
import io.tandem.adapters.shared.parquet.ServedRow;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.application.experiment.port.out.WriteServedListsLakePort;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The data lake in a local folder: {@code <root>/events/date=YYYY-MM-DD/part-<batchId>.parquet}, each file
 * written to a hidden temporary sibling, synced, then atomically renamed over its final name ({@link AtomicFiles});
 * the served lists likewise under {@code <root>/served/} (ADR-0026).
 */
public final class FilesystemLakeAdapter implements WriteLakePort, ReadLakePort, WriteServedListsLakePort,
        ReadServedListsLakePort {

    private final Path events;
    private final Path served;

    /** @param root the lake's folder; created on the first write when missing */
    public FilesystemLakeAdapter(Path root) {
        Path lake = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.events = lake.resolve(EventParquet.EVENTS);
        this.served = lake.resolve(ServedParquet.SERVED);
    }

    @Override
    public void writeServedLists(String batchId, List<ServedList> lists) {
        EventParquet.requireBatchId(batchId);
        Objects.requireNonNull(lists, "lists");
        try {
            for (Map.Entry<LocalDate, List<ServedRow>> partition : ServedParquet.rowsByDate(lists).entrySet()) {
                Path target = served.resolve(EventParquet.partitionName(partition.getKey()))
                        .resolve(EventParquet.fileName(batchId));
                AtomicFiles.write(target, file -> ServedParquet.write(file, partition.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing served lists " + batchId + " to the lake at " + served
                    + " failed", e);
        }
    }

    @Override
    public void readServedLists(LocalDate from, LocalDate to, Consumer<ServedList> consumer) {
        EventParquet.requireRange(from, to);
        Objects.requireNonNull(consumer, "consumer");
        try {
            for (Path partition : partitions(served, from, to).values()) {
                for (Path file : files(partition)) {
                    ServedParquet.read(file, file.toString(), consumer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the lake at " + served + " failed", e);
        }
    }

    @Override
    public void write(String batchId, List<Event> batch) {
        EventParquet.requireBatchId(batchId);
        Objects.requireNonNull(batch, "events");
        try {
            for (Map.Entry<LocalDate, List<EventRow>> partition : EventParquet.rowsByDate(batch).entrySet()) {
                writePartition(partition.getKey(), batchId, partition.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing batch " + batchId + " to the lake at " + events + " failed", e);
        }
    }

    private void writePartition(LocalDate date, String batchId, List<EventRow> rows) throws IOException {
        Path target = events.resolve(EventParquet.partitionName(date)).resolve(EventParquet.fileName(batchId));
        // The temporary file does not end in .parquet: neither this reader nor a DuckDB glob ever sees it.
        AtomicFiles.write(target, file -> EventParquet.write(file, rows));
    }

    @Override
    public void readEvents(LocalDate from, LocalDate to, Consumer<Event> consumer) {
        EventParquet.requireRange(from, to);
        Objects.requireNonNull(consumer, "consumer");
        try {
            for (Path partition : partitions(events, from, to).values()) {
                for (Path file : files(partition)) {
                    EventParquet.read(file, file.toString(), consumer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the lake at " + events + " failed", e);
        }
    }

    private static SortedMap<LocalDate, Path> partitions(Path table, LocalDate from, LocalDate to)
            throws IOException {
        SortedMap<LocalDate, Path> partitions = new TreeMap<>();
        if (!Files.isDirectory(table)) {
            return partitions;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(table)) {
            for (Path child : children) {
                Optional<LocalDate> date = partitionDate(child.getFileName().toString());
                if (date.isPresent() && !date.get().isBefore(from) && !date.get().isAfter(to)
                        && Files.isDirectory(child)) {
                    partitions.put(date.get(), child);
                }
            }
        }
        return partitions;
    }

    private static Optional<LocalDate> partitionDate(String name) {
        if (!name.startsWith(EventParquet.PARTITION_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name.substring(EventParquet.PARTITION_PREFIX.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<Path> files(Path partition) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(partition,
                EventParquet.FILE_PREFIX + "*" + EventParquet.FILE_SUFFIX)) {
            for (Path child : children) {
                if (Files.isRegularFile(child)) {
                    files.add(child);
                }
            }
        }
        // By name, as S3 lists keys, so both lakes replay a partition in the same order.
        files.sort(Comparator.comparing(file -> file.getFileName().toString()));
        return files;
    }
}
