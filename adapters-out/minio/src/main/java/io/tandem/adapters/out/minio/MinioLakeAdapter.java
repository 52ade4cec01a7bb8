package io.tandem.adapters.out.minio;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.messages.Item;
import io.tandem.adapters.shared.parquet.EventParquet;
import io.tandem.adapters.shared.parquet.EventRow;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.ingestion.port.out.WriteLakePort;
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
 * {@code <prefix>events/date=YYYY-MM-DD/part-<batchId>.parquet}, creating the bucket on first use when missing.
 */
public final class MinioLakeAdapter implements WriteLakePort, ReadLakePort, AutoCloseable {

    private static final String PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";
    private static final String TEMP_PREFIX = "tandem-lake-";

    private final MinioBucket bucket;
    private final MinioClient client;
    private final String partitionsPrefix;

    /** Builds its own client; {@link #close()} releases its connections and threads. */
    public MinioLakeAdapter(MinioLakeSettings settings) {
        this.bucket = new MinioBucket(settings);
        this.client = bucket.client();
        this.partitionsPrefix = settings.prefix() + EventParquet.EVENTS + "/" + EventParquet.PARTITION_PREFIX;
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
            upload(partitionsPrefix + partition.getKey() + "/" + EventParquet.fileName(batchId), partition.getValue());
        }
    }

    private void upload(String key, List<EventRow> rows) {
        // A file rather than memory: the upload needs the size up front, and a large batch stays off the heap.
        Path file = createTempFile();
        try {
            EventParquet.write(file, rows);
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
        for (List<String> keys : keysByDate(from, to).values()) {
            for (String key : keys) {
                download(key, consumer);
            }
        }
    }

    /** The keys of the range's files; S3 lists keys in UTF-8 binary order, which is date order here. */
    private SortedMap<LocalDate, List<String>> keysByDate(LocalDate from, LocalDate to) {
        SortedMap<LocalDate, List<String>> keys = new TreeMap<>();
        Iterable<Result<Item>> listing = client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket.name())
                .prefix(partitionsPrefix)
                // Every key of date `from` sorts after its bare partition name; earlier dates sort before it.
                .startAfter(partitionsPrefix + from)
                .recursive(true)
                .build());
        for (Result<Item> result : listing) {
            String key = bucket.call("listing " + bucket.location(partitionsPrefix), result::get).objectName();
            String rest = key.substring(partitionsPrefix.length());
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

    private void download(String key, Consumer<Event> consumer) {
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
            EventParquet.read(file, bucket.location(key), consumer);
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
