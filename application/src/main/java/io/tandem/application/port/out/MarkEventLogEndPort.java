package io.tandem.application.port.out;

/**
 * Where the event log ends now: every event acknowledged so far lies before the position returned. A train job
 * records it when it is queued, as its lake barrier (ADR-0021).
 */
@FunctionalInterface
public interface MarkEventLogEndPort {

    /** @throws EventLogUnavailableException when the log cannot be asked */
    EventLogPosition markEnd();
}
