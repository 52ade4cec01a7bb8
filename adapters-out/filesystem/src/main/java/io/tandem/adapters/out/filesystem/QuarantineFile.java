package io.tandem.adapters.out.filesystem;

import io.tandem.adapters.shared.json.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local event log's quarantine (ADR-0020): records its consumers cannot read, one NDJSON line each
 * ({@code {"offset","field","reason","quarantinedAt","record"}}, the record's bytes in base64), so an operator can
 * see why and replay them by hand. Each offset is written, logged and counted once, however often the log is read
 * again; the file survives restarts and is forced to disk like the log.
 */
final class QuarantineFile {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantineFile.class);
    private static final Pattern OFFSET = Pattern.compile("\"offset\":(\\d+)");

    private final Path file;
    private final Runnable counted;
    private final Clock clock;
    private final Set<Long> offsets = new HashSet<>();

    /** @param counted runs once for each record newly quarantined (a metric counts them) */
    QuarantineFile(Path file, Runnable counted, Clock clock) {
        this.file = file;
        this.counted = counted;
        this.clock = clock;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher offset = OFFSET.matcher(line);
                    if (offset.find()) {
                        offsets.add(Long.parseLong(offset.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the quarantine file " + file, e);
            }
        }
    }

    /** Sets the record at {@code offset} aside, unless it already is; returns whether it was new. */
    synchronized boolean add(long offset, String field, String reason, byte[] record) {
        if (!offsets.add(offset)) {
            return false;
        }
        StringBuilder line = new StringBuilder(128 + record.length * 4 / 3);
        line.append("{\"offset\":").append(offset).append(",\"field\":");
        JsonText.appendString(line, field);
        line.append(",\"reason\":");
        JsonText.appendString(line, reason);
        line.append(",\"quarantinedAt\":");
        JsonText.appendString(line, clock.instant().toString());
        line.append(",\"record\":\"").append(Base64.getEncoder().encodeToString(record)).append("\"}\n");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            // The record is still skipped: a consumer must not stop on it. The log keeps it, so nothing is lost.
            LOG.error("cannot write record {} of the local event log to the quarantine file {}", offset, file, e);
        }
        counted.run();
        LOG.warn("local event log: record {} quarantined in {} and skipped by every consumer: {}: {}", offset, file,
                field, reason);
        return true;
    }
}
