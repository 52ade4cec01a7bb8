package io.tandem.adapters.out.minio;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.messages.Item;
import io.tandem.adapters.shared.parquet.EventParquet;
import io.tandem.adapters.shared.parquet.EventRow;
import io.tandem.adapters.shared.parquet.ServedParquet;
import io.tandem.adapters.shared.parquet.ServedRow;
import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.application.experiment.port.out.WriteServedListsLakePort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The data lake in an S3 bucket, one object per batch and event date at
 * {@code <prefix>events/date=YYYY-MM-DD/part-<batchId>.parquet}, creating the bucket on first use when missing; the
 * served lists likewise under {@code <prefix>served/} (ADR-0026).
 */
public final class MinioLakeAdapter implements WriteLakePort, ReadLakePort, WriteServedListsLakePort,
        ReadServedListsLakePort, AutoCloseable {

    private static final String PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";
    private static final String TEMP_PREFIX = "tandem-lake-";

    private final MinioBucket bucket;
    private final MinioClient client;
    private final String partitionsPrefix;
    private final String servedPrefix;

    /** Builds its own client; {@link #close()} releases its connections and threads. */
    public MinioLakeAdapter(MinioLakeSettings settings) {
        this.bucket = new MinioBucket(settings);
        this.client = bucket.client();
        this.partitionsPrefix = settings.prefix() + EventParquet.EVENTS + "/" + EventParquet.PARTITION_PREFIX;
        this.servedPrefix = settings.prefix() + ServedParquet.SERVED + "/" + EventParquet.PARTITION_PREFIX;
    }

    @Override
    public void writeServedLists(String batchId, List<ServedList> lists) {
        EventParquet.requireBatchId(batchId);
        Objects.requireNonNull(lists, "lists");
        SortedMap<LocalDate, List<ServedRow>> partitions = ServedParquet.rowsByDate(lists);
        if (partitions.isEmpty()) {
            return;
        }
        bucket.ensureExists();
        for (Map.Entry<LocalDate, List<ServedRow>> partition : partitions.entrySet()) {
            String key = servedPrefix + partition.getKey() + "/" + EventParquet.fileName(batchId);
            upload(key, file -> ServedParquet.write(file, partition.getValue()));
        }
    }

    @Override
    public void readServedLists(LocalDate from, LocalDate to, Consumer<ServedList> consumer) {
        EventParquet.requireRange(from, to);
        Objects.requireNonNull(consumer, "consumer");
        bucket.ensureExists();
        for (List<String> keys : keysByDate(servedPrefix, from, to).values()) {
            for (String key : keys) {
                download(key, (file, source) -> ServedParquet.read(file, source, consumer));
            }
        }
    }

    @Override
    public void write(String batchId, List<Event> batch) {
        EventParquet.requireBatchId(batchId);
        Objects.requireNonNull(batch, "events");
        SortedMap<LocalDate, List<EventRow>> partitions = EventParquet.rowsByDate(batch);
        if (partitions.isEmpty()) {
            return;
        }
        bucket.ensureExists();
        // S3 shows an upload (one PUT, or multipart for large files) whole or not at all, and it replaces an
        // earlier object of the same key, so writing a batch again never duplicates it.
        for (Map.Entry<LocalDate, List<EventRow>> partition : partitions.entrySet()) {
            upload(partitionsPrefix + partition.getKey() + "/" + EventParquet.fileName(batchId),
                    file -> EventParquet.write(file, partition.getValue()));
        }
    }

    /** Writes one local Parquet file. */
    @FunctionalInterface
    private interface FileWriter {
        void write(Path file) throws IOException;
    }

    /** Reads one downloaded Parquet file; {@code source} names the object in errors. */
    @FunctionalInterface
    private interface FileReader {
        void read(Path file, String source) throws IOException;
    }

    private void upload(String key, FileWriter writer) {
        // A file rather than memory: the upload needs the size up front, and a large batch stays off the heap.
        Path file = createTempFile();
        try {
            writer.write(file);
            bucket.call("uploading " + key, () -> client.uploadObject(UploadObjectArgs.builder()
                    .bucket(bucket.name())
                    .object(key)
                    .filename(file.toString())
                    .contentType(PARQUET_CONTENT_TYPE)
                    .build()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + bucket.location(key) + " failed", e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public void readEvents(LocalDate from, LocalDate to, Consumer<Event> consumer) {
        EventParquet.requireRange(from, to);
        Objects.requireNonNull(consumer, "consumer");
        bucket.ensureExists();
        for (List<String> keys : keysByDate(partitionsPrefix, from, to).values()) {
            for (String key : keys) {
                download(key, (file, source) -> EventParquet.read(file, source, consumer));
            }
        }
    }

    /** The keys of the range's files; S3 lists keys in UTF-8 binary order, which is date order here. */
    private SortedMap<LocalDate, List<String>> keysByDate(String tablePrefix, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, List<String>> keys = new TreeMap<>();
        Iterable<Result<Item>> listing = client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket.name())
                .prefix(tablePrefix)
                // Every key of date `from` sorts after its bare partition name; earlier dates sort before it.
                .startAfter(tablePrefix + from)
                .recursive(true)
                .build());
        for (Result<Item> result : listing) {
            String key = bucket.call("listing " + bucket.location(tablePrefix), result::get).objectName();
            String rest = key.substring(tablePrefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(rest.substring(0, slash));
            } catch (DateTimeParseException e) {
                continue;
            }
            if (date.isAfter(to)) {
                break;
            }
            String name = rest.substring(slash + 1);
            if (!date.isBefore(from) && name.startsWith(EventParquet.FILE_PREFIX)
                    && name.endsWith(EventParquet.FILE_SUFFIX) && name.indexOf('/') < 0) {
                keys.computeIfAbsent(date, d -> new ArrayList<>()).add(key);
            }
        }
        // Name order within a partition, as the local-folder lake reads it, whatever the server returned.
        keys.values().forEach(names -> names.sort(null));
        return keys;
    }

    private void download(String key, FileReader reader) {
        // Parquet reads its footer first, so the object goes to a local file instead of being streamed.
        Path file = createTempFile();
        try {
            bucket.call("downloading " + key, () -> {
                try (InputStream in = client.getObject(GetObjectArgs.builder()
                        .bucket(bucket.name())
                        .object(key)
                        .build())) {
                    return Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            });
            reader.read(file, bucket.location(key));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + bucket.location(key) + " failed", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Releases the client's HTTP connections and threads. */
    @Override
    public void close() {
        bucket.close();
    }

    private static Path createTempFile() {
        try {
            return Files.createTempFile(TEMP_PREFIX, EventParquet.FILE_SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary file for the lake failed", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The file is in the temporary folder; failing the write or read for it would lose more than it saves.
            file.toFile().deleteOnExit();
        }
    }
}
