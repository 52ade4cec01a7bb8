package io.tandem.adapters.in.kafka;

import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.interaction.EventValidation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges each record of the event log as {@code POST /v1/events} would (the shared wire format, the shared
 * {@link io.tandem.domain.interaction.EventSubmission} rules and time window) and quarantines the ones that fail in
 * the dead-letter topic (ADR-0020): each is counted, and its reason logged, the first time this consumer meets it.
 * Confined to the consumer thread.
 */
final class RecordQuarantine {

    private static final Logger LOG = LoggerFactory.getLogger(RecordQuarantine.class);
    /** Longer than the producer's delivery timeout, so the producer gives the verdict, not this wait. */
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(45);

    private final KafkaEventLogConsumerSettings settings;
    private final TimeWindow window;
    private final Runnable quarantined;
    private final DeadLetters deadLetters;
    /** Per partition, the offset after the last quarantined record already logged and counted. */
    private final Map<TopicPartition, Long> quarantinedUpTo = new HashMap<>();

    RecordQuarantine(KafkaEventLogConsumerSettings settings, TimeWindow window, Runnable quarantined,
                     DeadLetters deadLetters) {
        this.settings = settings;
        this.window = window;
        this.quarantined = quarantined;
        this.deadLetters = deadLetters;
    }

    /** The valid events of one partition's batch, in offset order; the others are sent to the dead letters. */
    List<LoggedEvent> sort(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> batch) {
        List<LoggedEvent> valid = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            EventValidation verdict = validate(record);
            if (verdict instanceof EventValidation.Valid) {
                valid.add(new LoggedEvent(record.partition(), record.offset(),
                        ((EventValidation.Valid) verdict).event()));
            } else {
                EventValidation.Invalid invalid = (EventValidation.Invalid) verdict;
                deadLetters.send(record, invalid.field(), invalid.message());
                firstSight(partition, record, invalid);
            }
        }
        return valid;
    }

    /** Blocks until the brokers have every dead letter sent since the last call: a commit may pass them then. */
    void awaitAcknowledged() {
        deadLetters.awaitAcknowledged(DEAD_LETTER_TIMEOUT);
    }

    /** Forgets unacknowledged dead letters: their batch failed, and reading it again sends them again. */
    void discardPending() {
        deadLetters.discardPending();
    }

    /** The record's verdict; any record the shared rules cannot even judge is invalid, never a blocker. */
    private EventValidation validate(ConsumerRecord<byte[], byte[]> record) {
        // The log's timestamp is when the event was accepted: the reference for "too far in the future" and the
        // time of events that carry none.
        Instant receivedAt = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
        try {
            return EventWireFormat.record(record.value()).validate(window, receivedAt);
        } catch (RuntimeException e) {
            LOG.debug("Record {}-{}@{} could not be judged", record.topic(), record.partition(), record.offset(), e);
            return new EventValidation.Invalid("event", "could not be read");
        }
    }

    /** Logs and counts a quarantined record the first time this consumer meets it. */
    private void firstSight(TopicPartition partition, ConsumerRecord<byte[], byte[]> record,
                            EventValidation.Invalid invalid) {
        if (record.offset() < quarantinedUpTo.getOrDefault(partition, 0L)) {
            return;
        }
        quarantinedUpTo.put(partition, record.offset() + 1);
        quarantined.run();
        LOG.warn("Event log consumer {} quarantined {}-{}@{} in {}: {}: {}", settings.groupId(), record.topic(),
                record.partition(), record.offset(), settings.deadLetterTopic(), invalid.field(), invalid.message());
    }
}
