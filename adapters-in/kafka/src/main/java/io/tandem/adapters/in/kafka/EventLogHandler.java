package io.tandem.adapters.in.kafka;

import io.tandem.application.ingestion.port.in.LoggedEvent;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a {@link KafkaEventLogConsumer} does with the valid events of its partitions, and how far that lets it
 * commit. The consumer calls it from its one thread only, partition by partition in offset order; an exception
 * means nothing of the batch may be committed, and the consumer re-reads from its last committed offset.
 */
public interface EventLogHandler {

    /**
     * Takes the valid events of one partition's batch.
     *
     * @param partition  the partition the batch came from
     * @param events     its valid events in offset order; empty when every record was dead-lettered
     * @param nextOffset the offset after the batch's last record (valid or not)
     * @return the offset the consumer may commit for the partition, or empty to leave the commit where it is
     */
    OptionalLong handle(int partition, List<LoggedEvent> events, long nextOffset);

    /** The log went quiet (or the consumer is closing): write out whatever is held; commits do not move. */
    void flush();

    /**
     * Forgets the partition: it moved to another consumer, or its batch failed and will be read again from the
     * last committed offset.
     *
     * @return the offset that may still be committed for it, or empty
     */
    OptionalLong release(int partition);
}
