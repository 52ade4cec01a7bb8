package io.tandem.application.ingestion.port.out;

/**
 * Where the event log ends now: every event acknowledged so far lies before the position returned. A train job
 * records it when it is queued, as its lake barrier (ADR-0021).
 */
@FunctionalInterface
public interface MarkEventLogEndPort {

    /** @throws io.tandem.domain.interaction.EventLogUnavailableException when the log cannot be asked */
    EventLogPosition markEnd();
}
