/** What ingestion needs: event-id claims, the event log and its end, and the data lake. */
package io.tandem.application.ingestion.port.out;
