/**
 * Events in: validated, de-duplicated by id, appended to the event log, archived from the log to the lake, and read
 * back from the lake as events or interactions (ADR-0007, ADR-0010).
 */
package io.tandem.application.ingestion;
