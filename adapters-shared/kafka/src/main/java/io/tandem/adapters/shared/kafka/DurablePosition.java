package io.tandem.adapters.shared.kafka;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The position up to which a consumer's writes are durable, recorded as the metadata of its group's commit
 * ({@code durable=<offset>}) beside a resume offset that may lag behind it (ADR-0021): the lake archiver commits the
 * start of its open chunk, and a flush records how far the chunks written reach. Another instance's train job reads
 * it as the lake barrier of a partition it does not own; {@code bench ingest} reads it to tell when the lake holds
 * every event.
 */
public final class DurablePosition {

    private static final String PREFIX = "durable=";

    private DurablePosition() {
    }

    /** The commit metadata that records {@code position} as durable. */
    public static String metadata(long position) {
        return PREFIX + position;
    }

    /**
     * How far the group is known to hold a partition, from its commit: the commit's offset, or the durable position
     * recorded beside it, whichever is further; 0 without a commit. Metadata of another form, or a position that is
     * not a number, counts for nothing.
     */
    public static long reached(OffsetAndMetadata committed) {
        if (committed == null) {
            return 0;
        }
        String metadata = committed.metadata();
        if (metadata != null && metadata.startsWith(PREFIX)) {
            try {
                return Math.max(committed.offset(), Long.parseLong(metadata.substring(PREFIX.length())));
            } catch (NumberFormatException e) {
                return committed.offset();
            }
        }
        return committed.offset();
    }
}
