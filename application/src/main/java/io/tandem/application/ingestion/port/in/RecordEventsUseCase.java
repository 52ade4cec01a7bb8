package io.tandem.application.ingestion.port.in;

/** Accepts a batch of user events: validates each, drops repeats, and appends the rest durably. */
@FunctionalInterface
public interface RecordEventsUseCase {

    /**
     * Returns only once every accepted event is durable in the event log.
     *
     * @throws io.tandem.domain.interaction.EventLogUnavailableException when the log cannot take them;
     *         then nothing of the batch was accepted and the caller should retry
     */
    IngestionReport record(RecordEventsCommand command);
}
